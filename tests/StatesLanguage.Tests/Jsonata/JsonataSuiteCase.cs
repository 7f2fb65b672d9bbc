using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>One case of the JSONata language suite (<c>../shared/conformance/jsonata-suite</c>).</summary>
public sealed record JsonataSuiteCase(string Name, string Group, string Expression, JsonataValue Input,
    IReadOnlyDictionary<string, JsonNode?> Bindings, JsonNode Definition)
{
    public int? TimeLimit => Definition["timelimit"]?.GetValue<int>();

    public int? Depth => Definition["depth"]?.GetValue<int>();

    public string? ExpectedCode => (Definition["code"] ?? Definition["error"]?["code"])?.GetValue<string>();

    public bool ExpectsUndefined => Definition["undefinedResult"]?.GetValue<bool>() == true;

    public JsonNode? ExpectedResult => Definition["result"];
}
