namespace StatesLanguage.Definition;

/// <summary>Pass: the result is <see cref="Result"/> when <see cref="HasResult"/>, otherwise the effective input.</summary>
public sealed record PassState(string Name) : StateDefinition(Name)
{
    public override string Type => "Pass";

    public bool HasResult { get; init; }

    public JsonNode? Result { get; init; }

    public ResultHandling Data { get; init; } = ResultHandling.Default;
}
