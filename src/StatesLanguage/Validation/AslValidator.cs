using StatesLanguage.Definition;
using StatesLanguage.Parsing;

namespace StatesLanguage.Validation;

/// <summary>Checks a definition before anything runs and returns every problem: structure and field rules found while
/// parsing, then transitions, reachability and terminal states of the machine and of every nested branch and item
/// processor.</summary>
public static partial class AslValidator
{
    public static IReadOnlyList<AslDiagnostic> Validate(string definitionJson)
    {
        var diagnostics = new List<AslDiagnostic>();
        ParseAndValidate(definitionJson, diagnostics);
        return diagnostics;
    }

    /// <summary>What is allowed but likely wrong (a definition with warnings is valid): variables read where no state
    /// that can run before assigns them (<see cref="VariableUseChecker"/>). Empty when the definition is invalid.</summary>
    public static IReadOnlyList<AslDiagnostic> Warnings(string definitionJson)
    {
        var problems = new List<AslDiagnostic>();
        var definition = ParseAndValidate(definitionJson, problems);
        var warnings = new List<AslDiagnostic>();
        if (definition is not null && problems.Count == 0)
            VariableUseChecker.Check(definition, "$", new HashSet<string>(StringComparer.Ordinal), warnings);
        return warnings;
    }

    internal static StateMachineDefinition? ParseAndValidate(string definitionJson, List<AslDiagnostic> diagnostics)
    {
        var definition = DefinitionParser.Parse(definitionJson, diagnostics);
        if (definition is not null)
        {
            CheckGraph(definition, "$", diagnostics);
            CheckUniqueNames(definition, "$", new HashSet<string>(StringComparer.Ordinal), diagnostics);
            JsonataReferenceChecker.Check(definition, "$", diagnostics);
            VariableScopeChecker.Check(definition, diagnostics);
        }
        return definition;
    }

    internal static void CheckGraph(StateMachineDefinition machine, string path, List<AslDiagnostic> diagnostics)
    {
        var states = machine.States;
        if (machine.StartAt.Length > 0 && !states.ContainsKey(machine.StartAt))
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.StartAtMissing, $"{path}.StartAt", $"StartAt '{machine.StartAt}' is not a state."));
        var hasTerminal = false;
        foreach (var (name, state) in states)
        {
            var statePath = AslPath.Member($"{path}.States", name);
            foreach (var (field, target) in Transitions(state))
            {
                if (!states.ContainsKey(target))
                    diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.MissingTransitionTarget, $"{statePath}.{field}", $"Missing 'Next' target: {target}"));
            }
            hasTerminal |= state.End || state is SucceedState or FailState;
            switch (state)
            {
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Count; i++)
                        CheckGraph(parallel.Branches[i], $"{statePath}.Branches[{i}]", diagnostics);
                    break;
                case MapState map when map.ItemProcessor.States.Count > 0:
                    CheckGraph(map.ItemProcessor, $"{statePath}.ItemProcessor", diagnostics);
                    break;
            }
        }
        if (states.Count > 0 && !hasTerminal)
            // AWS's wording; the whole machine's has no location.
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.NoTerminalState, path, "Workflow has no terminal state"));
        CheckReachability(machine, path, diagnostics);
    }

    /// <summary>State names must be unique in the whole machine, nested branches and processors included.</summary>
    private static void CheckUniqueNames(StateMachineDefinition machine, string path, HashSet<string> seen, List<AslDiagnostic> diagnostics)
    {
        foreach (var (name, state) in machine.States)
        {
            var statePath = AslPath.Member($"{path}.States", name);
            if (!seen.Add(name))
                diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.DuplicateStateName, statePath, $"The state name '{name}' is used more than once."));
            if (state is ParallelState parallel)
            {
                for (var i = 0; i < parallel.Branches.Count; i++)
                    CheckUniqueNames(parallel.Branches[i], $"{statePath}.Branches[{i}]", seen, diagnostics);
            }
            else if (state is MapState map)
            {
                CheckUniqueNames(map.ItemProcessor, $"{statePath}.ItemProcessor", seen, diagnostics);
            }
        }
    }

    private static void CheckReachability(StateMachineDefinition machine, string path, List<AslDiagnostic> diagnostics)
    {
        if (!machine.States.ContainsKey(machine.StartAt))
            return;
        var reached = new HashSet<string>(StringComparer.Ordinal) { machine.StartAt };
        var pending = new Stack<string>();
        pending.Push(machine.StartAt);
        while (pending.Count > 0)
        {
            foreach (var (_, target) in Transitions(machine.States[pending.Pop()]))
            {
                if (machine.States.ContainsKey(target) && reached.Add(target))
                    pending.Push(target);
            }
        }
        foreach (var name in machine.States.Keys)
        {
            if (!reached.Contains(name))
                diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.UnreachableState, AslPath.Member($"{path}.States", name), $"State \"{name}\" is not reachable."));
        }
    }

    private static IEnumerable<(string Field, string Target)> Transitions(StateDefinition state)
    {
        if (state.Next is not null)
            yield return ("Next", state.Next);
        if (state is ChoiceState choice)
        {
            for (var i = 0; i < choice.Choices.Count; i++)
                yield return ($"Choices[{i}].Next", choice.Choices[i].Next);
            if (choice.Default is not null)
                yield return ("Default", choice.Default);
        }
        var errors = state switch
        {
            TaskState t => t.Errors,
            ParallelState p => p.Errors,
            MapState m => m.Errors,
            _ => ErrorHandling.None,
        };
        for (var i = 0; i < errors.Catch.Count; i++)
            yield return ($"Catch[{i}].Next", errors.Catch[i].Next);
    }
}
