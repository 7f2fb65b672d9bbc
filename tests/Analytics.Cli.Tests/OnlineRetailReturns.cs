using System.Text.Json;

namespace Analytics.Cli.Tests;

/// <summary>
/// Converts the data set's <c>returns.ndjson</c> (one cancellation line a JSON object) into upload files of format v2:
/// one file per business date, a JSON array of store-days sorted by store id, each holding only returns.
/// <list type="bullet">
/// <item>Only product lines (<c>is_product</c> true) are kept, as in <c>days/</c> and <c>expected-returns.json</c>.</item>
/// <item>A return is one cancelled invoice (<c>return_id</c>, the <c>C…</c> number), booked on its own business date
/// and store; its timestamp is its earliest line's (one invoice has lines a minute apart).</item>
/// <item>Each line is one item: <c>quantity</c> is the source's, made positive (units returned); <c>unit_price</c> is
/// written with the very digits of the source; no discount. The source has no payment data, so refunds are
/// <c>card</c>, like the sales; nor does it link a cancellation to its invoice, so there is no <c>original</c>.</item>
/// </list>
/// </summary>
internal static class OnlineRetailReturns
{
    /// <summary>Writes the files into <paramref name="folder"/> and returns their paths, in date order.</summary>
    public static async Task<IReadOnlyList<string>> WriteUploadFilesAsync(string ndjsonPath, string folder)
    {
        var lines = new List<ReturnLine>();
        foreach (var text in await File.ReadAllLinesAsync(ndjsonPath))
        {
            using var line = JsonDocument.Parse(text);
            var root = line.RootElement;
            if (root.GetProperty("is_product").GetBoolean())
            {
                lines.Add(new ReturnLine(
                    root.GetProperty("business_date").GetString()!, root.GetProperty("store_id").GetString()!,
                    root.GetProperty("currency").GetString()!, root.GetProperty("return_id").GetString()!,
                    root.GetProperty("timestamp").GetString()!, root.GetProperty("sku").GetString()!,
                    root.GetProperty("name").GetString()!, root.GetProperty("category").GetString()!,
                    -root.GetProperty("quantity").GetInt64(), root.GetProperty("unit_price").GetRawText()));
            }
        }

        var files = new List<string>();
        foreach (var date in lines.GroupBy(l => l.BusinessDate).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, $"returns-{date.Key}.json");
            await using (var stream = File.Create(path))
            await using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartArray();
                foreach (var storeDay in date.GroupBy(l => l.StoreId).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    WriteStoreDay(writer, storeDay.ToList());
                }

                writer.WriteEndArray();
            }

            files.Add(path);
        }

        return files;
    }

    private static void WriteStoreDay(Utf8JsonWriter writer, List<ReturnLine> lines)
    {
        var first = lines[0];
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", 2);
        writer.WriteString("store_id", first.StoreId);
        writer.WriteString("business_date", first.BusinessDate);
        writer.WriteString("currency", first.Currency);
        writer.WriteStartArray("returns");
        foreach (var receipt in lines.GroupBy(l => l.ReturnId))
        {
            writer.WriteStartObject();
            writer.WriteString("return_id", receipt.Key);
            // Timestamps of one date share an offset here, so the earliest text is the earliest instant.
            writer.WriteString("timestamp", receipt.Select(l => l.Timestamp).Min(StringComparer.Ordinal));
            writer.WriteString("payment_method", "card");
            writer.WriteStartArray("items");
            foreach (var line in receipt)
            {
                writer.WriteStartObject();
                writer.WriteString("sku", line.Sku);
                writer.WriteString("name", line.Name);
                writer.WriteString("category", line.Category);
                writer.WriteNumber("quantity", line.Quantity);
                writer.WritePropertyName("unit_price");
                writer.WriteRawValue(line.UnitPrice);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private sealed record ReturnLine(
        string BusinessDate, string StoreId, string Currency, string ReturnId, string Timestamp,
        string Sku, string Name, string Category, long Quantity, string UnitPrice);
}
