using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;

namespace StatesLanguage.Definition;

/// <summary>Fields every state shares. A null <see cref="InputPath"/> or <see cref="OutputPath"/> is the JSON null
/// of the definition (state data becomes <c>{}</c>); an absent one is compiled as <c>$</c>.</summary>
public abstract record StateDefinition(string Name)
{
    public abstract string Type { get; }

    public string? Comment { get; init; }

    /// <summary>The next state; null when the state ends its machine (End, Succeed, Fail) or is a Choice.</summary>
    public string? Next { get; init; }

    public bool End { get; init; }

    public JsonPathExpression? InputPath { get; init; }

    public JsonPathExpression? OutputPath { get; init; }

    /// <summary>Variables to set once the state has its result (JSONPath <c>Assign</c>).</summary>
    public TemplateNode? Assign { get; init; }
}
