using System.Globalization;
using System.Text;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.Options;

namespace Analytics.Adapters.Tests.Uploads;

/// <summary>A sale or a return of the store-day under test, as a till would write it: one line.</summary>
public sealed record Receipt(string Id, bool IsReturn, int Hour, string Sku, int Quantity, decimal UnitPrice, string PaymentMethod)
{
    public string Json =>
        string.Create(CultureInfo.InvariantCulture,
            $$"""{"{{(IsReturn ? "return_id" : "transaction_id")}}":"{{Id}}","timestamp":"2025-01-15T{{Hour:D2}}:10:00-05:00","payment_method":"{{PaymentMethod}}","items":[{"sku":"{{Sku}}","name":"Item {{Sku}}","category":"Category {{Sku[..1]}}","quantity":{{Quantity}},"unit_price":{{UnitPrice}}}]}""");
}

/// <summary>Upload files of one store-day (store-0042 on 2025-01-15, New York time), and the figures a store-day holding
/// exactly some receipts has: what the stored day must equal after any sequence of files.</summary>
internal static class StoreDayFiles
{
    public const string StoreId = "store-0042";
    public static readonly DateOnly Day = new(2025, 1, 15);

    public static Receipt Sale(string id, decimal amount, int hour = 10, string sku = "A1", string payment = "card") =>
        new(id, false, hour, sku, 1, amount, payment);

    public static Receipt Refund(string id, decimal amount, int hour = 15, string sku = "A1") => new(id, true, hour, sku, 1, amount, "card");

    /// <param name="exportedAt">Hours and minutes after midnight New York time on the business date ("21:05"); null: none written.</param>
    public static string File(string? exportedAt, StoreDayAction action, params Receipt[] receipts) =>
        File(exportedAt, action, StoreId, receipts);

    public static string File(string? exportedAt, StoreDayAction action, string storeId, IEnumerable<Receipt> receipts)
    {
        var all = receipts.ToList();
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $$"""{"schema_version":2,"store_id":"{{storeId}}","business_date":"2025-01-15","currency":"USD","time_zone":"America/New_York",""");
        if (exportedAt is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"exported_at\":\"2025-01-15T{exportedAt}:00-05:00\",");
        }

        if (action != StoreDayAction.Merge)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"action\":\"{action.ToString().ToLowerInvariant()}\",");
        }

        return text.Append("\"transactions\":[").AppendJoin(",", all.Where(r => !r.IsReturn).Select(r => r.Json))
                   .Append("],\"returns\":[").AppendJoin(",", all.Where(r => r.IsReturn).Select(r => r.Json)).Append("]}").ToString();
    }

    /// <summary>The store-day a single file holding exactly <paramref name="receipts"/> gives; null for none.</summary>
    public static Task<StoreDaySummary?> RecordOfAsync(IEnumerable<Receipt> receipts) => RecordOfAsync(StoreId, receipts);

    public static async Task<StoreDaySummary?> RecordOfAsync(string storeId, IEnumerable<Receipt> receipts)
    {
        var all = receipts.ToList();
        if (all.Count == 0)
        {
            return null;
        }

        StoreDaySummary? summary = null;
        var result = await Reader().ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(File(null, StoreDayAction.Merge, storeId, all))), "expected",
            (c, _) =>
            {
                summary = c.Summary;
                return ValueTask.CompletedTask;
            }, CancellationToken.None);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return summary;
    }

    public static UploadReader Reader() => new(TimeProvider.System, Options.Create(new UploadOptions()));
}
