using System.Text.Encodings.Web;
using System.Text.Json;

namespace StatesLanguage.Evaluation;

/// <summary>Small helpers over <see cref="JsonNode"/> state data: kinds, numbers, compact text and UTF-8 size.</summary>
internal static class JsonData
{
    /// <summary>Compact, with only the characters JSON requires escaped (as AWS prints state data).</summary>
    public static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    public static JsonValueKind Kind(JsonNode? node) => node is null ? JsonValueKind.Null : node.GetValueKind();

    public static bool TryGetNumber(JsonNode? node, out double value)
    {
        value = 0;
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number)
            return false;
        if (v.TryGetValue(out value))
            return true;
        if (v.TryGetValue(out long integer))
            value = integer;
        else if (v.TryGetValue(out int small))
            value = small;
        else if (v.TryGetValue(out decimal exact))
            value = (double)exact;
        else
            value = double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);
        return true;
    }

    public static bool TryGetString(JsonNode? node, [NotNullWhen(true)] out string? value)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            value = v.GetValue<string>();
            return true;
        }
        value = null;
        return false;
    }

    public static bool TryGetBoolean(JsonNode? node, out bool value)
    {
        var kind = Kind(node);
        value = kind == JsonValueKind.True;
        return kind is JsonValueKind.True or JsonValueKind.False;
    }

    /// <summary>True when the number has no fractional part (<c>3</c> and <c>3.0</c>).</summary>
    public static bool TryGetInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (!TryGetNumber(node, out var number) || Math.Floor(number) != number || double.IsInfinity(number))
            return false;
        value = (long)number;
        return true;
    }

    /// <summary>A copy that can be attached to a new parent; null stays null.</summary>
    public static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    /// <summary>Walks the tree so that lazily parsed nodes build their children now: afterwards concurrent readers
    /// (Map iterations, Parallel branches) see an immutable structure. Returns the node.</summary>
    public static JsonNode? Materialize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                for (var i = 0; i < obj.Count; i++) // indexed, not foreach: JsonObject's enumerator is boxed
                    Materialize(obj.GetAt(i).Value);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Materialize(array[i]);
                break;
        }
        return node;
    }

    public static string Serialize(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>UTF-8 byte count of the compact serialization.</summary>
    public static int Utf8Size(JsonNode? node)
    {
        if (node is null)
            return 4;
        var counter = new CountingBufferWriter();
        using (var writer = new Utf8JsonWriter(counter, new JsonWriterOptions { Encoder = Compact.Encoder, SkipValidation = true }))
            node.WriteTo(writer);
        return counter.Count;
    }

    public static bool IsEqual(JsonNode? a, JsonNode? b)
    {
        if (TryGetNumber(a, out var x) && TryGetNumber(b, out var y))
            return x == y;
        return JsonNode.DeepEquals(a, b);
    }

    private sealed class CountingBufferWriter : System.Buffers.IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[256];

        public int Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).Span;

        private Memory<byte> Ensure(int sizeHint)
        {
            if (sizeHint > _buffer.Length)
                _buffer = new byte[sizeHint];
            return _buffer;
        }
    }
}
