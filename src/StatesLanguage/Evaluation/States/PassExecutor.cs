using StatesLanguage.Definition;

namespace StatesLanguage.Evaluation.States;

/// <summary>Pass: Result (copied as is, <c>.$</c> keys are not special) or Parameters or the effective input.</summary>
internal sealed class PassExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var pass = (PassState)state;
        if (pass.QueryLanguage == QueryLanguage.Jsonata)
            return ValueTask.FromResult(new StateOutcome(DataFlow.Conclude(pass.Assign, pass.Output, input, default, input, run), pass.Next));
        var effective = DataFlow.SelectPath(pass.InputPath, input.Json, run);
        var result = pass.HasResult ? JsonData.Clone(pass.Result) : DataFlow.Apply(pass.Data.Parameters, effective, run).Json;
        run.Inspection?.PassPrepared(pass.HasResult, effective, result);
        DataFlow.CheckSize(result, run);
        var output = DataFlow.ApplyResultPath(pass.Data.ResultPath, pass.Data.DiscardResult, input.Json, result, run, inputPrivate: true);
        run.Inspection?.Placed(output);
        DataFlow.Assign(pass.Assign, result, run);
        return ValueTask.FromResult(new StateOutcome(DataFlow.SelectPath(pass.OutputPath, output, run), pass.Next));
    }
}
