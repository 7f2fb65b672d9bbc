using System.Text.Json;
using NodaTime;

namespace Analytics.Cli.Generation;

/// <summary>
/// Returns (format v2): each sale transaction of the day stands for a chance that a customer brings an item back,
/// at a rate that depends on the item's category (kitchenware and personal care come back most, bread and pantry
/// goods least), about 2 % of transactions in all. A return refunds one product (sometimes two units) at its price,
/// usually names a sale of the same store 1–14 days before, and is refunded mostly the way sales are paid. Returns
/// draw from their own seeded random source, so the sales of a store-day are the same with or without them.
/// </summary>
internal sealed partial class SalesDataGenerator
{
    /// <summary>How many times its usual returns a store has on the day of a planted return spike.</summary>
    public const double ReturnSpikeFactor = 10;

    /// <summary>Chance that a transaction's worth of a category's product is returned.</summary>
    private static readonly Dictionary<string, double> s_returnRates = new(StringComparer.Ordinal)
    {
        ["Coffee"] = 0.020, ["Tea"] = 0.015, ["Bakery"] = 0.008, ["Dairy"] = 0.015, ["Produce"] = 0.020, ["Snacks"] = 0.010,
        ["Beverages"] = 0.012, ["Household"] = 0.025, ["Personal Care"] = 0.035, ["Frozen"] = 0.010, ["Pantry"] = 0.008,
        ["Kitchenware"] = 0.060,
    };

    private void WriteReturns(Utf8JsonWriter writer, StoreProfile store, DateOnly date, int transactions, double spike)
    {
        var random = new Random(unchecked((_options.Seed * 7_368_787) + (store.StoreId.GetStableHash() * 104_729) + date.DayNumber));
        // Sale transactions every day of this store has at least (see WriteStoreDay): originals are among them.
        var fewestTransactions = Math.Max(1, (int)(_options.BaseTransactions * store.Size * 0.7));
        List<(int Second, Product Product, int Quantity)> returns = [];
        for (var t = 0; t < transactions; t++)
        {
            var product = Catalog.Draw(random);
            if (random.NextDouble() < s_returnRates.GetValueOrDefault(product.Category, 0.01) * spike)
            {
                returns.Add(((Draw(_hourCumulative, random) * 3600) + random.Next(3600), product, random.NextDouble() < 0.9 ? 1 : 2));
            }
        }

        returns.Sort((a, b) => a.Second.CompareTo(b.Second));
        writer.WriteStartArray("returns");
        for (var r = 0; r < returns.Count; r++)
        {
            var (second, product, quantity) = returns[r];
            var local = date.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(second)));
            writer.WriteStartObject();
            writer.WriteString("return_id", $"{store.StoreId}-{date:yyyyMMdd}-R{r + 1:D4}");
            writer.WriteString("timestamp", _zone.AtLeniently(LocalDateTime.FromDateTime(local)).ToDateTimeOffset());
            writer.WriteString("payment_method", s_payments[DrawPayment(random)].Method);
            if (random.NextDouble() < 0.7)
            {
                var saleDate = date.AddDays(-random.Next(1, 15));
                writer.WriteStartObject("original");
                writer.WriteString("transaction_id", $"{store.StoreId}-{saleDate:yyyyMMdd}-{random.Next(1, fewestTransactions + 1):D5}");
                writer.WriteString("business_date", saleDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteEndObject();
            }

            writer.WriteStartArray("items");
            writer.WriteStartObject();
            writer.WriteString("sku", product.Sku);
            writer.WriteString("name", product.Name);
            writer.WriteString("category", product.Category);
            writer.WriteNumber("quantity", quantity);
            writer.WriteNumber("unit_price", product.UnitPrice);
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
