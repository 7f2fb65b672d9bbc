using StatesLanguage.Definition;

namespace StatesLanguage.Evaluation.States;

/// <summary>Succeed: InputPath then OutputPath; ends the graph.</summary>
internal sealed class SucceedExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
            return ValueTask.FromResult(new StateOutcome(DataFlow.Conclude(assign: null, state.Output, input, default, input, run), null));
        var effective = DataFlow.SelectPath(state.InputPath, input.Json, run);
        run.Inspection?.InputSelected(effective);
        return ValueTask.FromResult(new StateOutcome(DataFlow.SelectPath(state.OutputPath, effective, run), null));
    }
}
