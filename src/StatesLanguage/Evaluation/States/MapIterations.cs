using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.States;

/// <summary>The iterations of one Map run: a fixed pool of workers (MaxConcurrency, or one per item up to
/// <see cref="UnboundedWorkers"/>) pulls item indexes in order. When failures exceed the threshold no new iteration
/// starts and the running ones finish. Each worker builds its item's input (ItemSelector with <c>$$.Map.Item</c>).
/// An ItemSelector failure fails the whole state, whatever the tolerance.</summary>
internal sealed class MapIterations(MapState map, StateRun run, StateData effective, MapItems items, MapLimits limits, long mapStartedEventId)
{
    /// <summary>Workers used when MaxConcurrency is 0 (AWS runs up to 40 inline iterations at once).</summary>
    public const int UnboundedWorkers = 40;

    private readonly StateData[] _results = new StateData[items.Count];
    private int _next = -1;
    private int _failures;
    private StatesErrorException? _firstFailure;
    private StatesErrorException? _selectorFailure;
    private volatile bool _stop;

    public async Task<StateData> RunAsync()
    {
        var workers = limits.MaxConcurrency > 0 ? Math.Min(limits.MaxConcurrency, _results.Length) : Math.Min(UnboundedWorkers, _results.Length);
        if (workers == 1)
        {
            await WorkAsync();
        }
        else if (workers > 1)
        {
            var tasks = new Task[workers];
            for (var i = 0; i < workers; i++)
                tasks[i] = Task.Run(WorkAsync);
            await Task.WhenAll(tasks);
        }
        if (_selectorFailure is not null)
            throw _selectorFailure;
        if (_firstFailure is not null && limits.IsExceeded(_failures, _results.Length))
        {
            if (limits.ToleratedFailureCount is null && limits.ToleratedFailurePercentage is null)
                throw _firstFailure;
            throw new StatesErrorException(StatesErrorNames.ExceedToleratedFailureThreshold,
                "The specified tolerated failure threshold was exceeded");
        }
        return Results();
    }

    /// <summary>The iterations' outputs in item order: in a JSONata state whose iterations all ended in that form, an
    /// array in the evaluator's form (no output made into JSON for it); otherwise JSON.</summary>
    private StateData Results()
    {
        if (map.QueryLanguage == QueryLanguage.Jsonata && Array.TrueForAll(_results, result => !result.IsJson))
            return StateData.FromJsonata(JsonataDocument.Array([.. _results.Select(result => result.JsonataValue!)]));
        var array = new JsonArray();
        foreach (var result in _results)
        {
            var output = result.Json;
            array.Add(output?.Parent is null ? output : output.DeepClone()); // one by one: an output seen twice is copied
        }
        return array;
    }

    /// <summary>The ItemSelector's value for item <paramref name="index"/>, in a JSONata state in the evaluator's form.</summary>
    private StateData SelectItem(int index)
    {
        var scope = new DataScope(effective, new MapItemContext(run, index, items), run.Scope.Variables);
        return map.QueryLanguage == QueryLanguage.Jsonata
            ? StateData.FromJsonata(map.ItemSelector!.EvaluateDocument(scope with { Jsonata = new Jsonata.StatesDocuments() }))
            : map.ItemSelector!.Evaluate(scope);
    }

    private async Task WorkAsync()
    {
        var execution = run.Execution;
        while (!_stop)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _results.Length)
                return;
            StateData input;
            try
            {
                input = map.ItemSelector is null
                    ? items.Input(index)
                    : SelectItem(index);
            }
            catch (StatesErrorException ex)
            {
                Interlocked.CompareExchange(ref _selectorFailure, ex, null);
                _stop = true;
                return;
            }
            var started = execution.Record(new HistoryEvent(HistoryEventType.MapIterationStarted) { StateName = map.Name, Index = index },
                previousEventId: mapStartedEventId);
            var scope = new GraphScope(execution, new VariableScope(run.Scope.Variables)) { LastEventId = started.Id };
            try
            {
                _results[index] = await StateRunner.RunAsync(map.ItemProcessor, input, scope);
                execution.Record(new HistoryEvent(HistoryEventType.MapIterationSucceeded) { StateName = map.Name, Index = index },
                    previousEventId: scope.LastEventId);
            }
            catch (StatesErrorException ex)
            {
                execution.Record(new HistoryEvent(HistoryEventType.MapIterationFailed)
                {
                    StateName = map.Name, Index = index, Error = ex.Error.Name, Cause = ex.Error.Cause,
                }, previousEventId: scope.LastEventId);
                var failures = Interlocked.Increment(ref _failures);
                Interlocked.CompareExchange(ref _firstFailure, ex, null);
                _results[index] = default;
                if (limits.IsExceeded(failures, _results.Length))
                    _stop = true;
            }
        }
    }
}
