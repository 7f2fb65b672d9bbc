using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>One match found by a regex or a custom matcher function.</summary>
internal sealed record MatchResult(string Value, int Start, int End, JList Groups)
{
    public JObject ToObject() => new()
    {
        ["match"] = Value,
        ["start"] = (double)Start,
        ["end"] = (double)End,
        ["groups"] = Groups,
    };
}
