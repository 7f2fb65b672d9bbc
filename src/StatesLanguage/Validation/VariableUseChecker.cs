using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

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
            var statePath = $"{path}.States.{name}";
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
        var assigned = Names(state.Assign);
        if (state.Next is not null)
            yield return (state.Next, assigned);
        if (state is ChoiceState choice)
        {
            foreach (var branch in choice.Choices)
                yield return (branch.Next, Names(branch.Assign).Concat(branch.Assign is null ? assigned : []));
            if (choice.Default is not null)
                yield return (choice.Default, assigned);
        }
        foreach (var catcher in Errors(state).Catch)
            yield return (catcher.Next, Names(catcher.Assign));
    }

    /// <summary>The names an Assign template sets.</summary>
    private static IEnumerable<string> Names(TemplateNode? assign) => assign switch
    {
        TemplateNode.Object obj => obj.Names,
        TemplateNode.Constant { Value: JsonObject constant } => constant.Select(p => p.Key),
        _ => [],
    };

    private static ErrorHandling Errors(StateDefinition state) => state switch
    {
        TaskState task => task.Errors,
        ParallelState parallel => parallel.Errors,
        MapState map => map.Errors,
        _ => ErrorHandling.None,
    };

    /// <summary>Every variable the state reads, in any field.</summary>
    private static IEnumerable<string> Reads(StateDefinition state)
    {
        IEnumerable<TemplateNode?> templates = [state.Assign, state.Output];
        IEnumerable<JsonPathExpression?> paths = [state.InputPath, state.OutputPath];
        switch (state)
        {
            case PassState pass:
                templates = templates.Append(pass.Data.Parameters);
                break;
            case TaskState task:
                templates = templates.Concat([task.Data.Parameters, task.Data.ResultSelector, task.TimeoutSecondsExpression, task.HeartbeatSecondsExpression]);
                paths = paths.Concat([task.TimeoutSecondsPath, task.HeartbeatSecondsPath]);
                break;
            case ParallelState parallel:
                templates = templates.Concat([parallel.Data.Parameters, parallel.Data.ResultSelector]);
                break;
            case MapState map:
                templates = templates.Concat([map.Items, map.ItemSelector, map.Data.ResultSelector, map.MaxConcurrencyExpression,
                                              map.ToleratedFailureCountExpression, map.ToleratedFailurePercentageExpression]);
                paths = paths.Concat([map.ItemsPath, map.MaxConcurrencyPath, map.ToleratedFailureCountPath, map.ToleratedFailurePercentagePath]);
                break;
            case WaitState wait:
                templates = templates.Concat([wait.SecondsExpression, wait.TimestampExpression]);
                paths = paths.Concat([wait.SecondsPath, wait.TimestampPath]);
                break;
            case FailState fail:
                templates = templates.Concat([fail.ErrorPath, fail.CausePath]);
                break;
            case ChoiceState choice:
                templates = templates.Concat(choice.Choices.SelectMany(b => (TemplateNode?[])[b.Assign, b.Output]));
                foreach (var branch in choice.Choices)
                {
                    foreach (var variable in RuleReads(branch.Rule))
                        yield return variable;
                }
                break;
        }
        templates = templates.Concat(Errors(state).Catch.SelectMany(c => (TemplateNode?[])[c.Assign, c.Output]));
        foreach (var template in templates.OfType<TemplateNode>())
        {
            foreach (var variable in template.ReadVariables())
                yield return variable;
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
        JsonataCondition condition => condition.Condition.ReadVariables(),
        ComparisonRule comparison => ((JsonPathExpression?[])[comparison.Variable, comparison.ValuePath]).Select(p => p?.VariableName).OfType<string>(),
        _ => [],
    };
}
