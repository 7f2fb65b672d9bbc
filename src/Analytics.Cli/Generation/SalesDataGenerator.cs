using System.Text.Json;
using Analytics.Domain;
using NodaTime;

namespace Analytics.Cli.Generation;

/// <summary>
/// Writes realistic, deterministic upload files (format v2): store sizes vary lognormally, sales follow weekday and
/// hour-of-day patterns and a slow trend, SKU popularity is Zipf-like, a tenth of lines carry a discount, a few
/// percent of items come back (SalesDataGenerator.Returns.cs). Each
/// store-day draws from its own seeded random source, so any subset of days or stores is generated identically.
/// </summary>
internal sealed partial class SalesDataGenerator
{
    private static readonly double[] s_weekdayFactor = [1.10, 0.85, 0.90, 0.95, 1.00, 1.15, 1.30]; // Sunday first
    private static readonly double[] s_hourWeight =
        [0, 0, 0, 0, 0, 0, 0, 0.3, 0.8, 0.9, 1.0, 1.2, 1.6, 1.5, 1.0, 0.9, 1.0, 1.4, 1.5, 1.1, 0.7, 0.4, 0, 0];
    private static readonly (string Method, double Share)[] s_payments = [("card", 0.62), ("cash", 0.20), ("mobile", 0.15), ("gift_card", 0.03)];

    private readonly GeneratorOptions _options;
    private readonly DateTimeZone _zone;
    private readonly double[] _hourCumulative;

    public SalesDataGenerator(GeneratorOptions options)
    {
        _options = options;
        _zone = TimeZones.Find(options.TimeZone) ?? throw new ArgumentException($"'{options.TimeZone}' is not an IANA time zone id.", nameof(options));
        var random = new Random(options.Seed);
        Catalog = new Catalog(options.Products, random);
        Stores = StoreProfile.CreateChain(options.Stores, random);
        _hourCumulative = Cumulative(s_hourWeight);
    }

    public Catalog Catalog { get; }

    public IReadOnlyList<StoreProfile> Stores { get; }

    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, _options.Days).Select(i => _options.FirstDate.AddDays(i));

    /// <summary>Writes one file: a JSON array of every store's day on <paramref name="date"/>.</summary>
    public void WriteDay(Stream output, DateOnly date)
    {
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartArray();
        foreach (var store in Stores)
        {
            if (!(_options.Planted is { } planted && planted.Date == date && planted.ClosedStore == store.StoreId))
            {
                WriteStoreDay(writer, store, date);
            }
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one store-day object.</summary>
    public void WriteStoreDay(Utf8JsonWriter writer, StoreProfile store, DateOnly date)
    {
        var dayNumber = date.DayNumber;
        var random = new Random(unchecked((_options.Seed * 1_000_003) + (store.StoreId.GetStableHash() * 7_919) + dayNumber));
        var trend = 1 + (0.0005 * (dayNumber - _options.FirstDate.DayNumber));
        var noise = 0.9 + (0.2 * random.NextDouble());
        var planted = _options.Planted is { } p && p.Date == date ? p : null;
        var halved = planted?.HalvedStore == store.StoreId ? 0.5 : 1.0;
        var transactions = Math.Max(1, (int)Math.Round(_options.BaseTransactions * store.Size * s_weekdayFactor[(int)date.DayOfWeek] * trend * noise * halved));

        writer.WriteStartObject();
        writer.WriteNumber("schema_version", 2);
        writer.WriteString("store_id", store.StoreId);
        writer.WriteString("business_date", date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteString("currency", _options.Currency);
        writer.WriteString("time_zone", _options.TimeZone);
        writer.WriteStartArray("transactions");
        var seconds = new int[transactions];
        for (var t = 0; t < transactions; t++)
        {
            seconds[t] = (Draw(_hourCumulative, random) * 3600) + random.Next(3600);
        }

        Array.Sort(seconds);
        for (var t = 0; t < transactions; t++)
        {
            WriteTransaction(writer, random, store, date, t, seconds[t], planted?.SurgingCategory);
        }

        writer.WriteEndArray();
        if (_options.Returns)
        {
            var spike = _options.ReturnSpike is { } s && s.Date == date && s.StoreId == store.StoreId ? ReturnSpikeFactor : 1;
            WriteReturns(writer, store, date, transactions, spike);
        }

        writer.WriteEndObject();
    }

    private void WriteTransaction(Utf8JsonWriter writer, Random random, StoreProfile store, DateOnly date, int index, int secondOfDay, string? surgingCategory)
    {
        var local = date.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(secondOfDay)));
        writer.WriteStartObject();
        writer.WriteString("transaction_id", $"{store.StoreId}-{date:yyyyMMdd}-{index + 1:D5}");
        writer.WriteString("timestamp", _zone.AtLeniently(LocalDateTime.FromDateTime(local)).ToDateTimeOffset());
        writer.WriteString("payment_method", s_payments[DrawPayment(random)].Method);
        writer.WriteStartArray("items");
        var lines = 1 + (int)Math.Floor(-Math.Log(1 - random.NextDouble()) * 1.6);
        for (var l = 0; l < lines; l++)
        {
            var product = Catalog.Draw(random);
            var quantity = (random.NextDouble() < 0.8 ? 1 : random.Next(2, 5)) * (product.Category == surgingCategory ? 2 : 1);
            var discount = random.NextDouble() < 0.1
                ? decimal.Round(quantity * product.UnitPrice * (decimal)(0.05 + (0.15 * random.NextDouble())), 2)
                : 0m;
            writer.WriteStartObject();
            writer.WriteString("sku", product.Sku);
            writer.WriteString("name", product.Name);
            writer.WriteString("category", product.Category);
            writer.WriteNumber("quantity", quantity);
            writer.WriteNumber("unit_price", product.UnitPrice);
            writer.WriteNumber("discount", discount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static int DrawPayment(Random random)
    {
        var x = random.NextDouble();
        for (var i = 0; i < s_payments.Length - 1; i++)
        {
            x -= s_payments[i].Share;
            if (x < 0)
            {
                return i;
            }
        }

        return s_payments.Length - 1;
    }

    private static int Draw(double[] cumulative, Random random)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble());
        return Math.Min(index < 0 ? ~index : index, cumulative.Length - 1);
    }

    private static double[] Cumulative(double[] weights)
    {
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var running = 0d;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            cumulative[i] = running / total;
        }

        return cumulative;
    }
}
