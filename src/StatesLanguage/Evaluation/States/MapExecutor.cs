using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;

namespace StatesLanguage.Evaluation.States;

/// <summary>Map: runs the item processor once per item of ItemsPath with at most MaxConcurrency iterations at a time
/// (0 = unbounded); each iteration has its own variable scope. Failures beyond the tolerated threshold fail the state
/// with the iteration's error (no threshold set) or States.ExceedToleratedFailureThreshold.</summary>
internal sealed class MapExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var map = (MapState)state;
        return ProtectedExecution.RunAsync(map, map.Data, map.Errors, input, run,
            static (effective, _, r) => RunItemsAsync((MapState)r.State, effective, r));
    }

    /// <summary>JSONata <c>Items</c> (default <c>$states.input</c>), which must give an array; kept in the evaluator's
    /// form.</summary>
    internal static MapItems JsonataItems(MapState map, StateData input, StateRun run)
    {
        if (map.Items is null)
        {
            if (input.JsonataValue is { } value && MapItems.FromJsonata(value) is { } fromOutput)
                return fromOutput;
            return input.Json is JsonArray array ? MapItems.FromJson(array) : throw new StatesErrorException(StatesErrorNames.QueryEvaluationError,
                $"{run.ErrorPrefix} Map state input must be an array but was: {JsonData.Serialize(input.Json)}");
        }
        var scope = run.DataScope(input);
        var items = map.Items.EvaluateDocument(scope);
        if (MapItems.FromJsonata(items) is { } evaluated)
            return evaluated;
        if (map.Items is Templates.TemplateNode.Jsonata expression)
            throw expression.Query.UnexpectedType(scope, "Items", "array", items.ToValue().Node);
        throw new StatesErrorException(StatesErrorNames.QueryEvaluationError, $"{run.ErrorPrefix} The field 'Items' must be an array.");
    }

    private static async ValueTask<StateData> RunItemsAsync(MapState map, StateData effective, StateRun run)
    {
        var execution = run.Execution;
        var items = map.QueryLanguage == QueryLanguage.Jsonata ? JsonataItems(map, effective, run)
            : DataFlow.SelectPath(map.ItemsPath, effective.Json, run) is JsonArray selected ? MapItems.FromJson(selected)
            : throw run.RuntimeError($"Invalid path '{map.ItemsPath?.Text}' : The Map state's ItemsPath does not reference an array.");
        var limits = MapLimits.Resolve(map, effective, run);
        if (effective.IsJson)
            JsonData.Materialize(effective.Json); // iterations evaluate ItemSelector against it concurrently
        var started = execution.Record(new HistoryEvent(HistoryEventType.MapStateStarted) { Length = items.Count }, run.Scope);
        var iterations = new MapIterations(map, run, effective, items, limits, started.Id);
        try
        {
            var results = await iterations.RunAsync();
            execution.Record(new HistoryEvent(HistoryEventType.MapStateSucceeded), run.Scope, ExecutionRun.AfterLastRecorded);
            return results;
        }
        catch (StatesErrorException ex)
        {
            execution.Record(new HistoryEvent(HistoryEventType.MapStateFailed) { Error = ex.Error.Name, Cause = ex.Error.Cause }, run.Scope, ExecutionRun.AfterLastRecorded);
            throw;
        }
    }
}
