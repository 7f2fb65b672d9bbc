using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Choice;

namespace StatesLanguage.Evaluation.States;

/// <summary>Choice: the first matching rule wins, then Default, else States.NoChoiceMatched.</summary>
internal sealed class ChoiceExecutor : IStateExecutor
{
    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var choice = (ChoiceState)state;
        if (choice.QueryLanguage == QueryLanguage.Jsonata)
            return ValueTask.FromResult(ExecuteJsonata(choice, input, run));
        var effective = DataFlow.SelectPath(choice.InputPath, input.Json, run);
        run.Inspection?.InputSelected(effective);
        var scope = run.DataScope(effective);
        string? next = null;
        foreach (var branch in choice.Choices)
        {
            if (ChoiceEvaluator.Evaluate(branch.Rule, scope, run))
            {
                next = branch.Next;
                DataFlow.Assign(branch.Assign, effective, run);
                break;
            }
        }
        next ??= choice.Default ?? throw new StatesErrorException(StatesErrorNames.NoChoiceMatched,
            $"An error occurred while executing the state '{choice.Name}' (entered at the event id #{run.EnteredEventId}). No choice rule matched and there was no default rule.");
        DataFlow.Assign(choice.Assign, effective, run);
        return ValueTask.FromResult(new StateOutcome(DataFlow.SelectPath(choice.OutputPath, effective, run), next));
    }

    /// <summary>JSONata: the first rule whose Condition is true; its Assign and the state's (AWS: the state's applies
    /// whichever rule matches), and its Output, else the state's.</summary>
    private static StateOutcome ExecuteJsonata(ChoiceState choice, StateData input, StateRun run)
    {
        var scope = run.DataScope(input);
        foreach (var branch in choice.Choices)
        {
            if (ChoiceEvaluator.Evaluate(branch.Rule, scope, run))
                return new StateOutcome(DataFlow.Conclude([branch.Assign, choice.Assign], branch.Output ?? choice.Output, input, default, input, run), branch.Next);
        }
        var next = choice.Default ?? throw new StatesErrorException(StatesErrorNames.NoChoiceMatched,
            $"{run.ErrorPrefix} No choice rule matched and there was no default rule.");
        return new StateOutcome(DataFlow.Conclude(choice.Assign, choice.Output, input, default, input, run), next);
    }
}
