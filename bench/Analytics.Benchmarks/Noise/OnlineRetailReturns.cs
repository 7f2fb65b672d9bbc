using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// Books the data set's <c>returns.ndjson</c> onto its store-days: its product lines (<c>is_product</c>), one return a
/// cancelled invoice (<c>C…</c>) on its own business date and store, written as upload files of format v2 (quantity
/// made positive, the source's price digits, refunded by card: the source has no payment data nor the sale refunded)
/// and read with the domain's <see cref="UploadReader"/>. A store-day with sales and returns is the sum of the two
/// (their receipt ids differ, so this is what folding the two files gives); the result is checked against
/// <c>expected-returns.json</c>.
/// </summary>
internal static class OnlineRetailReturns
{
    /// <exception cref="InvalidOperationException">The booked returns differ from <c>expected-returns.json</c>.</exception>
    public static async Task<Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>>> BookAsync(
        Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>> sales, string ndjsonPath, UploadReader reader, CancellationToken cancellationToken)
    {
        List<JsonElement> lines = [];
        foreach (var text in await File.ReadAllLinesAsync(ndjsonPath, cancellationToken))
        {
            var line = JsonSerializer.Deserialize<JsonElement>(text);
            if (line.GetProperty("is_product").GetBoolean())
            {
                lines.Add(line);
            }
        }

        var byKey = sales.Values.SelectMany(s => s).ToDictionary(s => new StoreDayKey(s.BusinessDate, s.StoreId));
        foreach (var date in lines.GroupBy(l => l.GetProperty("business_date").GetString()!))
        {
            using var file = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(file))
            {
                writer.WriteStartArray();
                foreach (var storeDay in date.GroupBy(l => l.GetProperty("store_id").GetString()!))
                {
                    WriteStoreDay(writer, [.. storeDay]);
                }

                writer.WriteEndArray();
            }

            file.Position = 0;
            foreach (var returns in await OnlineRetailDays.ReadAsync(reader, file, $"returns-{date.Key}.json", cancellationToken))
            {
                var key = new StoreDayKey(returns.BusinessDate, returns.StoreId);
                byKey[key] = byKey.TryGetValue(key, out var sold) ? Sum(sold, returns) : returns;
            }
        }

        await CheckAsync(byKey.Values, Path.Combine(Path.GetDirectoryName(ndjsonPath)!, "expected-returns.json"), cancellationToken);
        return OnlineRetailDays.Group(byKey.Values);
    }

    private static void WriteStoreDay(Utf8JsonWriter writer, List<JsonElement> lines)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema_version", UploadLimits.ReturnsSchemaVersion);
        foreach (var field in (ReadOnlySpan<string>)["store_id", "business_date", "currency"])
        {
            writer.WriteString(field, lines[0].GetProperty(field).GetString());
        }

        writer.WriteStartArray("returns");
        foreach (var receipt in lines.GroupBy(l => l.GetProperty("return_id").GetString()!))
        {
            writer.WriteStartObject();
            writer.WriteString("return_id", receipt.Key);
            // One business date's timestamps share an offset, so the least text is the earliest instant.
            writer.WriteString("timestamp", receipt.Select(l => l.GetProperty("timestamp").GetString()!).Min(StringComparer.Ordinal));
            writer.WriteString("payment_method", "card");
            writer.WriteStartArray("items");
            foreach (var line in receipt)
            {
                writer.WriteStartObject();
                foreach (var field in (ReadOnlySpan<string>)["sku", "name", "category"])
                {
                    writer.WriteString(field, line.GetProperty(field).GetString());
                }

                writer.WriteNumber("quantity", -line.GetProperty("quantity").GetInt64());
                writer.WritePropertyName("unit_price");
                line.GetProperty("unit_price").WriteTo(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static StoreDaySummary Sum(StoreDaySummary a, StoreDaySummary b) => a with
    {
        Totals = a.Totals.Add(b.Totals),
        Hours = SalesMerge.Hours([.. a.Hours, .. b.Hours]),
        Categories = SalesMerge.Categories([.. a.Categories, .. b.Categories]),
        PaymentMethods = SalesMerge.PaymentMethods([.. a.PaymentMethods, .. b.PaymentMethods]),
        Skus = SalesMerge.Skus([.. a.Skus, .. b.Skus]),
    };

    private static async Task CheckAsync(IEnumerable<StoreDaySummary> storeDays, string expectedPath, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(expectedPath);
        using var expected = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        var totals = expected.RootElement.GetProperty("totals");
        var returns = decimal.Parse(totals.GetProperty("returns").GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
        var count = totals.GetProperty("store_days").GetInt32();
        var booked = storeDays.ToList();
        if (booked.Count != count || booked.Sum(s => s.Totals.Returns) != returns)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"Booked {booked.Count} store-days with {booked.Sum(s => s.Totals.Returns)} of returns; {expectedPath} expects {count} and {returns}."));
        }
    }
}
