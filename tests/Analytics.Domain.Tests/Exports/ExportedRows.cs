using System.Text;
using System.Text.Json;
using Analytics.Domain.Exports;

namespace Analytics.Domain.Tests.Exports;

/// <summary>Reads a dataset's partition back, checking the NDJSON framing on the way.</summary>
internal static class ExportedRows
{
    public static IReadOnlyList<string> Lines(InMemoryObjectStore store, string dataset, DateOnly date)
    {
        List<string> lines = [];
        foreach (var key in store.Keys(QuickSightKeys.Partition(dataset, date)))
        {
            var bytes = store.Content(key);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{key} starts with a BOM");
            Assert.Equal((byte)'\n', bytes[^1]);
            Assert.Equal(-1, bytes.AsSpan().IndexOf((byte)'\r'));
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            lines.AddRange(text[..^1].Split('\n'));
        }

        return lines;
    }

    public static IReadOnlyList<JsonElement> Read(InMemoryObjectStore store, string dataset, DateOnly date) =>
        [.. Lines(store, dataset, date).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            return document.RootElement.Clone();
        })];

    /// <summary>The raw JSON text of a column: numbers as written, so 186.00 and 186 differ.</summary>
    public static string Raw(this JsonElement row, string column) => row.GetProperty(column).GetRawText();

    public static string? Text(this JsonElement row, string column) => row.GetProperty(column).GetString();
}
