using System.Buffers;
using System.Text.Json;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>
/// Folds what the files of one store-day said, oldest first, into the one store-day they leave (docs/upload-format.md,
/// "Several files of one store-day"): each transaction id and each return id counts once, a later file's version
/// replacing an earlier one's; a store-day sent with <c>"action": "replace"</c> drops what earlier files held and it
/// does not; <c>"withdraw"</c> drops everything earlier. The result is a store-day object of format version 2 that
/// <see cref="UploadReader"/> reads like any upload. Pure: the inputs are store-day objects of accepted files, exactly
/// as they were written.
/// </summary>
public static class StoreDayFold
{
    /// <param name="storeDays">The store-day objects, oldest first, all of one store and business date.</param>
    public static StoreDayFoldResult Fold(IReadOnlyList<ReadOnlyMemory<byte>> storeDays)
    {
        ArgumentOutOfRangeException.ThrowIfZero(storeDays.Count);
        var documents = new List<JsonDocument>(storeDays.Count);
        try
        {
            var transactions = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var returns = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            JsonElement? header = null;
            foreach (var storeDay in storeDays)
            {
                var document = JsonDocument.Parse(storeDay);
                documents.Add(document);
                var root = document.RootElement;
                var action = Action(root);
                if (action != StoreDayAction.Merge)
                {
                    transactions.Clear();
                    returns.Clear();
                }

                if (action == StoreDayAction.Withdraw)
                {
                    header = null;
                    continue;
                }

                if (header is { } kept && transactions.Count + returns.Count > 0
                    && Text(kept, "currency") is var before && Text(root, "currency") is var after && before != after)
                {
                    return new StoreDayFoldResult(null,
                        $"{Text(root, "store_id")} on {Text(root, "business_date")} was sent in {before} by an earlier file and in {after} by this one; "
                        + "send the day again with \"action\": \"replace\" to change its currency.");
                }

                header = root;
                Take(root, "transactions", "transaction_id", transactions);
                Take(root, "returns", "return_id", returns);
            }

            return header is { } last && transactions.Count + returns.Count > 0
                ? new StoreDayFoldResult(Write(last, transactions.Values, returns.Values), null)
                : new StoreDayFoldResult(null, null);
        }
        finally
        {
            foreach (var document in documents)
            {
                document.Dispose();
            }
        }
    }

    private static StoreDayAction Action(JsonElement storeDay) =>
        storeDay.TryGetProperty("action", out var action) ? action.GetString() switch
        {
            "replace" => StoreDayAction.Replace,
            "withdraw" => StoreDayAction.Withdraw,
            _ => StoreDayAction.Merge,
        } : StoreDayAction.Merge;

    private static string? Text(JsonElement storeDay, string name) =>
        storeDay.TryGetProperty(name, out var value) ? value.GetString() : null;

    /// <summary>Adds or replaces each receipt by its id; a replaced receipt keeps its place, so the order of first sight stays.</summary>
    private static void Take(JsonElement storeDay, string array, string idField, Dictionary<string, JsonElement> receipts)
    {
        if (!storeDay.TryGetProperty(array, out var elements))
        {
            return;
        }

        foreach (var receipt in elements.EnumerateArray())
        {
            receipts[receipt.GetProperty(idField).GetString()!] = receipt;
        }
    }

    private static byte[] Write(JsonElement header, IEnumerable<JsonElement> transactions, IEnumerable<JsonElement> returns)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            writer.WriteNumber("schema_version", UploadLimits.ReturnsSchemaVersion);
            foreach (var field in (ReadOnlySpan<string>)["store_id", "business_date", "currency", "time_zone"])
            {
                if (header.TryGetProperty(field, out var value))
                {
                    writer.WritePropertyName(field);
                    value.WriteTo(writer);
                }
            }

            WriteArray(writer, "transactions", transactions);
            WriteArray(writer, "returns", returns);
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<JsonElement> receipts)
    {
        writer.WriteStartArray(name);
        foreach (var receipt in receipts)
        {
            receipt.WriteTo(writer);
        }

        writer.WriteEndArray();
    }
}

/// <summary>What <see cref="StoreDayFold.Fold"/> left.</summary>
/// <param name="StoreDay">The store-day object (format version 2) holding every receipt that remains; null when none
/// remains (the store-day was withdrawn) or the files conflict.</param>
/// <param name="Conflict">Why the files cannot be folded into one store-day (they give it different currencies); null
/// when they can.</param>
public sealed record StoreDayFoldResult(byte[]? StoreDay, string? Conflict);
