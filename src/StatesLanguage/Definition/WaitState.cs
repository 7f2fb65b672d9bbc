using StatesLanguage.Evaluation.Templates;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Definition;

/// <summary>Wait: exactly one of the four fields is set.</summary>
public sealed record WaitState(string Name) : StateDefinition(Name)
{
    public override string Type => "Wait";

    public long? Seconds { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public JsonPathExpression? SecondsPath { get; init; }

    public JsonPathExpression? TimestampPath { get; init; }

    /// <summary>JSONata <c>Seconds</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? SecondsExpression { get; init; }

    /// <summary>JSONata <c>Timestamp</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? TimestampExpression { get; init; }
}
