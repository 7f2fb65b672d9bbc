using System.Text.Json;

namespace StatesLanguage.Tests.Support;

/// <summary>JSON value equality as the corpus README asks: key order ignored, array order kept, numbers by value.</summary>
public static class JsonComparer
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        var kind = a?.GetValueKind() ?? JsonValueKind.Null;
        if (kind != (b?.GetValueKind() ?? JsonValueKind.Null))
            return false;
        switch (kind)
        {
            case JsonValueKind.Object:
                var x = a!.AsObject();
                var y = b!.AsObject();
                if (x.Count != y.Count)
                    return false;
                foreach (var (key, value) in x)
                {
                    if (!y.TryGetPropertyValue(key, out var other) || !AreEqual(value, other))
                        return false;
                }
                return true;
            case JsonValueKind.Array:
                var p = a!.AsArray();
                var q = b!.AsArray();
                if (p.Count != q.Count)
                    return false;
                for (var i = 0; i < p.Count; i++)
                {
                    if (!AreEqual(p[i], q[i]))
                        return false;
                }
                return true;
            case JsonValueKind.Number:
                return decimal.TryParse(a!.ToJsonString(), System.Globalization.NumberStyles.Float, null, out var m)
                    && decimal.TryParse(b!.ToJsonString(), System.Globalization.NumberStyles.Float, null, out var n)
                    ? m == n
                    : a!.GetValue<double>() == b!.GetValue<double>();
            default:
                return JsonNode.DeepEquals(a, b);
        }
    }
}
