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

    /// <summary>Variables to set once the state has its result (<c>Assign</c>, in the state's query language).</summary>
    public TemplateNode? Assign { get; init; }

    /// <summary>The state's own or its machine's query language.</summary>
    public QueryLanguage QueryLanguage { get; init; }

    /// <summary>JSONata <c>Output</c>: the state's output, evaluated with <c>$states.input</c> (and
    /// <c>$states.result</c> where the state has a result); null for the default (the result, or the input).</summary>
    public TemplateNode? Output { get; init; }
}
