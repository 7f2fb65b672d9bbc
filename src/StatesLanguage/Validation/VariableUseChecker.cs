using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Validation;

/// <summary>
/// Workflow variables a state reads that no state that can run before it assigns: not on any path from the start of
/// its graph, nor before the Parallel or Map state that holds the graph (a branch or iteration reads the outer
/// variables; what it assigns stays inside). AWS accepts such a definition, and the read fails or gives nothing when
/// the state runs (States.QueryEvaluationError for a JSONata expression, States.Runtime for a JSONPath variable path),
/// so these are warnings, not problems that make a definition invalid. A variable counts as assigned after a state
/// when any path assigns it (the state's Assign on its normal transitions, a Choice rule's on that rule's, a catcher's
/// on its own).
/// </summary>
internal static class VariableUseChecker
{
    public static void Check(StateMachineDefinition machine, string path, IReadOnlySet<string> outer, List<AslDiagnostic> warnings)
    {
        if (!machine.States.ContainsKey(machine.StartAt))
            return;
        var entry = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal) { [machine.StartAt] = new(outer, StringComparer.Ordinal) };
        var pending = new Queue<string>([machine.StartAt]);
        while (pending.Count > 0)
        {
            var name = pending.Dequeue();
            var state = machine.States[name];
            foreach (var (target, assigned) in Transitions(state))
            {
                if (!machine.States.ContainsKey(target))
                    continue;
                var first = !entry.TryGetValue(target, out var known);
                if (first)
                    entry[target] = known = new HashSet<string>(StringComparer.Ordinal);
                var before = known!.Count;
                known.UnionWith(entry[name]);
                known.UnionWith(assigned);
                // Visit a state once, then again only when what may be assigned on entry grew: sets only grow, so a loop
                // (Wait → Check → Choice → Wait) ends.
                if (first || known.Count != before)
                    pending.Enqueue(target);
            }
        }
        foreach (var (name, state) in machine.States)
        {
            if (!entry.TryGetValue(name, out var visible))
                continue; // unreachable: reported as such
            var statePath = AslPath.Member($"{path}.States", name);
            foreach (var variable in Reads(state).Distinct(StringComparer.Ordinal).Where(v => !visible.Contains(v)).Order(StringComparer.Ordinal))
            {
                warnings.Add(new AslDiagnostic(AslDiagnosticCodes.VariableNotAssigned, statePath,
                    $"State '{name}' reads the variable ${variable}, which no state that can run before it assigns: the read fails when it runs."));
            }
            switch (state)
            {
                case ParallelState parallel:
                    for (var i = 0; i < parallel.Branches.Count; i++)
                        Check(parallel.Branches[i], $"{statePath}.Branches[{i}]", visible, warnings);
                    break;
                case MapState map:
                    Check(map.ItemProcessor, $"{statePath}.ItemProcessor", visible, warnings);
                    break;
            }
        }
    }

    private static IEnumerable<(string Target, IEnumerable<string> Assigned)> Transitions(StateDefinition state)
    {
        var assigned = StateTemplates.AssignedNames(state.Assign);
        if (state.Next is not null)
            yield return (state.Next, assigned);
        if (state is ChoiceState choice)
        {
            foreach (var branch in choice.Choices)
                yield return (branch.Next, StateTemplates.AssignedNames(branch.Assign).Concat(branch.Assign is null ? assigned : []));
            if (choice.Default is not null)
                yield return (choice.Default, assigned);
        }
        foreach (var catcher in StateTemplates.Catchers(state))
            yield return (catcher.Next, StateTemplates.AssignedNames(catcher.Assign));
    }

    /// <summary>Every variable the state reads, in any field.</summary>
    private static IEnumerable<string> Reads(StateDefinition state)
    {
        foreach (var template in StateTemplates.Of(state))
        {
            foreach (var variable in template.Template.ReadVariables())
                yield return variable;
        }
        IEnumerable<JsonPathExpression?> paths = [state.InputPath, state.OutputPath];
        switch (state)
        {
            case TaskState task:
                paths = paths.Concat([task.TimeoutSecondsPath, task.HeartbeatSecondsPath]);
                break;
            case MapState map:
                paths = paths.Concat([map.ItemsPath, map.MaxConcurrencyPath, map.ToleratedFailureCountPath, map.ToleratedFailurePercentagePath]);
                break;
            case WaitState wait:
                paths = paths.Concat([wait.SecondsPath, wait.TimestampPath]);
                break;
            case ChoiceState choice:
                foreach (var variable in choice.Choices.SelectMany(b => RuleReads(b.Rule)))
                    yield return variable;
                break;
        }
        foreach (var path in paths)
        {
            if (path?.VariableName is { } variable)
                yield return variable;
        }
    }

    private static IEnumerable<string> RuleReads(ChoiceRule rule) => rule switch
    {
        AndRule and => and.Rules.SelectMany(RuleReads),
        OrRule or => or.Rules.SelectMany(RuleReads),
        NotRule not => RuleReads(not.Rule),
        ComparisonRule comparison => ((JsonPathExpression?[])[comparison.Variable, comparison.ValuePath]).Select(p => p?.VariableName).OfType<string>(),
        _ => [],
    };
}
