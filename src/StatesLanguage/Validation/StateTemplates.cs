using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Validation;

/// <summary>What a template of a state may read of <c>$states</c> beside <c>input</c> and <c>context</c>.</summary>
internal enum StatesData
{
    /// <summary>Neither the result nor the error output (Arguments, Items, a Pass or Choice state's fields, …).</summary>
    InputOnly,

    /// <summary><c>$states.result</c>: a Task's, Parallel's or Map's own Output and Assign.</summary>
    Result,

    /// <summary><c>$states.errorOutput</c>: a catcher's Output and Assign.</summary>
    ErrorOutput,
}

/// <summary>One compiled template of a state: where it is (relative to the state: <c>Output</c>,
/// <c>Catch[0].Assign</c>), what it is, and what of <c>$states</c> it may read.</summary>
internal sealed record StateTemplate(string Field, TemplateNode Template, StatesData Reads);

/// <summary>Every compiled template of a state, in any field, for the checks that read them all.</summary>
internal static class StateTemplates
{
    public static IEnumerable<StateTemplate> Of(StateDefinition state)
    {
        var hasResult = state is TaskState or ParallelState or MapState;
        var own = hasResult ? StatesData.Result : StatesData.InputOnly;
        var arguments = state.QueryLanguage == QueryLanguage.Jsonata ? "Arguments" : "Parameters";
        List<(string, TemplateNode?, StatesData)> fields = [("Assign", state.Assign, own), ("Output", state.Output, own)];
        switch (state)
        {
            case PassState pass:
                fields.Add(("Parameters", pass.Data.Parameters, StatesData.InputOnly));
                break;
            case TaskState task:
                fields.AddRange([(arguments, task.Data.Parameters, StatesData.InputOnly), ("ResultSelector", task.Data.ResultSelector, StatesData.InputOnly),
                                 ("TimeoutSeconds", task.TimeoutSecondsExpression, StatesData.InputOnly),
                                 ("HeartbeatSeconds", task.HeartbeatSecondsExpression, StatesData.InputOnly)]);
                break;
            case ParallelState parallel:
                fields.AddRange([(arguments, parallel.Data.Parameters, StatesData.InputOnly), ("ResultSelector", parallel.Data.ResultSelector, StatesData.InputOnly)]);
                break;
            case MapState map:
                fields.AddRange([("Items", map.Items, StatesData.InputOnly), ("ItemSelector", map.ItemSelector, StatesData.InputOnly),
                                 ("ResultSelector", map.Data.ResultSelector, StatesData.InputOnly),
                                 ("MaxConcurrency", map.MaxConcurrencyExpression, StatesData.InputOnly),
                                 ("ToleratedFailureCount", map.ToleratedFailureCountExpression, StatesData.InputOnly),
                                 ("ToleratedFailurePercentage", map.ToleratedFailurePercentageExpression, StatesData.InputOnly)]);
                break;
            case WaitState wait:
                fields.AddRange([("Seconds", wait.SecondsExpression, StatesData.InputOnly), ("Timestamp", wait.TimestampExpression, StatesData.InputOnly)]);
                break;
            case FailState fail:
                fields.AddRange([("Error", fail.ErrorPath, StatesData.InputOnly), ("Cause", fail.CausePath, StatesData.InputOnly)]);
                break;
            case ChoiceState choice:
                for (var i = 0; i < choice.Choices.Count; i++)
                {
                    var branch = choice.Choices[i];
                    fields.AddRange([($"Choices[{i}].Assign", branch.Assign, StatesData.InputOnly), ($"Choices[{i}].Output", branch.Output, StatesData.InputOnly)]);
                    if (branch.Rule is JsonataCondition condition)
                        fields.Add(($"Choices[{i}].Condition", condition.Condition, StatesData.InputOnly));
                }
                break;
        }
        var catchers = Catchers(state);
        for (var i = 0; i < catchers.Count; i++)
            fields.AddRange([($"Catch[{i}].Assign", catchers[i].Assign, StatesData.ErrorOutput), ($"Catch[{i}].Output", catchers[i].Output, StatesData.ErrorOutput)]);
        foreach (var (field, template, reads) in fields)
        {
            if (template is not null)
                yield return new StateTemplate(field, template, reads);
        }
    }

    public static IReadOnlyList<Catcher> Catchers(StateDefinition state) => Errors(state).Catch;

    public static ErrorHandling Errors(StateDefinition state) => state switch
    {
        TaskState task => task.Errors,
        ParallelState parallel => parallel.Errors,
        MapState map => map.Errors,
        _ => ErrorHandling.None,
    };

    /// <summary>The names an Assign template sets.</summary>
    public static IEnumerable<string> AssignedNames(TemplateNode? assign) => assign switch
    {
        TemplateNode.Object obj => obj.Names,
        TemplateNode.Constant { Value: JsonObject constant } => constant.Select(p => p.Key),
        _ => [],
    };
}
