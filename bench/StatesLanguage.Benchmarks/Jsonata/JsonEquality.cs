using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StatesLanguage.Benchmarks.Jsonata;

/// <summary>JSON equality as the suite compares results: key order ignored, array order kept, numbers by value.</summary>
internal static class JsonEquality
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        var kind = a?.GetValueKind() ?? JsonValueKind.Null;
        if (kind != (b?.GetValueKind() ?? JsonValueKind.Null))
            return false;
        return kind switch
        {
            JsonValueKind.Object => a!.AsObject().Count == b!.AsObject().Count
                && a.AsObject().All(pair => b.AsObject().TryGetPropertyValue(pair.Key, out var other) && AreEqual(pair.Value, other)),
            JsonValueKind.Array => a!.AsArray().Count == b!.AsArray().Count
                && a.AsArray().Zip(b.AsArray()).All(pair => AreEqual(pair.First, pair.Second)),
            JsonValueKind.Number => double.Parse(a!.ToJsonString(), CultureInfo.InvariantCulture)
                == double.Parse(b!.ToJsonString(), CultureInfo.InvariantCulture),
            _ => JsonNode.DeepEquals(a, b),
        };
    }
}
