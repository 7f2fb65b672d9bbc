using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>Map (inline; DISTRIBUTED processors run the same way, in-process). <see cref="ItemSelector"/> is also
/// the legacy <c>Parameters</c>; <see cref="ItemProcessor"/> also the legacy <c>Iterator</c>.</summary>
public sealed record MapState(string Name, StateMachineDefinition ItemProcessor) : StateDefinition(Name)
{
    public override string Type => "Map";

    public JsonPathExpression? ItemsPath { get; init; }

    /// <summary>JSONata <c>Items</c>: an array, or an expression giving one; null for <c>$states.input</c>.</summary>
    public TemplateNode? Items { get; init; }

    public TemplateNode? ItemSelector { get; init; }

    public ResultHandling Data { get; init; } = ResultHandling.Default;

    public ErrorHandling Errors { get; init; } = ErrorHandling.None;

    /// <summary>0 means no limit.</summary>
    public int MaxConcurrency { get; init; }

    public JsonPathExpression? MaxConcurrencyPath { get; init; }

    public int? ToleratedFailureCount { get; init; }

    public JsonPathExpression? ToleratedFailureCountPath { get; init; }

    public double? ToleratedFailurePercentage { get; init; }

    public JsonPathExpression? ToleratedFailurePercentagePath { get; init; }

    public bool IsDistributed { get; init; }

    /// <summary>JSONata <c>MaxConcurrency</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? MaxConcurrencyExpression { get; init; }

    /// <summary>JSONata <c>ToleratedFailureCount</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? ToleratedFailureCountExpression { get; init; }

    /// <summary>JSONata <c>ToleratedFailurePercentage</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? ToleratedFailurePercentageExpression { get; init; }
}
