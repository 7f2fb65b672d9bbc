using Analytics.Domain.Sales;

namespace Analytics.Testing;

/// <summary>
/// A synthetic chain of any size whose store-days come from a formula and a random source seeded per (store, date):
/// nothing is stored, so 10,000 stores × 120 days cost no memory until asked for, and the same (store, date) always
/// gives the same figures. Store sizes are lognormal; sales follow a weekday pattern, a slow trend and day noise;
/// twelve categories with per-store leanings; opening hours 7–21; four payment methods; and, when asked, a modest
/// number of SKU lines drawn Zipf-like from a catalogue of a few thousand SKUs. Totals are the sums of the
/// categories; hours and payment methods add up to the day's transactions and net revenue. About one store-day in
/// a thousand is closed (no sales), as real chains have. Linked into the Cli tests and the benchmark.
/// </summary>
internal sealed class SyntheticChain
{
    public const string Currency = "USD";

    private static readonly string[] s_categories =
        ["Bakery", "Beverages", "Coffee", "Dairy", "Frozen", "Household", "Kitchenware", "Pantry", "Personal Care", "Produce", "Snacks", "Tea"];

    private static readonly double[] s_categoryWeight = [1.2, 1.0, 1.6, 1.1, 0.7, 0.6, 0.3, 1.0, 0.6, 1.3, 0.9, 0.5];
    private static readonly (decimal Min, decimal Max)[] s_categoryPrice =
    [
        (1.20m, 9.50m), (0.90m, 12.00m), (3.50m, 24.00m), (0.90m, 8.00m), (1.50m, 14.00m), (1.50m, 25.00m),
        (3.00m, 60.00m), (0.70m, 16.00m), (1.80m, 30.00m), (0.40m, 6.50m), (0.80m, 7.00m), (2.50m, 18.00m),
    ];

    private static readonly string[] s_nouns = ["Classic", "Organic", "House", "Premium", "Daily", "Family", "Fresh", "Select"];
    private static readonly string[] s_sizes = ["250g", "500g", "1kg", "330ml", "1l", "6 pack", "Small", "Large"];
    private static readonly double[] s_weekdayFactor = [1.10, 0.85, 0.90, 0.95, 1.00, 1.15, 1.30]; // Sunday first
    private const int FirstHour = 7;
    private static readonly double[] s_hourWeight = [0.3, 0.8, 0.9, 1.0, 1.2, 1.6, 1.5, 1.0, 0.9, 1.0, 1.4, 1.5, 1.1, 0.7, 0.4]; // 7..21
    private static readonly string[] s_payments = ["card", "cash", "gift_card", "mobile"];
    private static readonly double[] s_paymentShare = [0.62, 0.20, 0.03, 0.15];

    private readonly int _seed;
    private readonly double[] _sizes;
    private readonly string[] _storeIds;
    private readonly Sku[] _catalogue;
    private readonly double[] _skuCumulative;

    /// <param name="stores">Stores, named <c>store-00001</c> … in ordinal order.</param>
    /// <param name="seed">Everything follows from it.</param>
    /// <param name="catalogueSize">SKUs in the catalogue.</param>
    /// <param name="skusPerStoreDay">Average SKU lines of a store-day read with SKUs (the actual count varies ±33 %).</param>
    public SyntheticChain(int stores, int seed = 42, int catalogueSize = 3_000, int skusPerStoreDay = 30)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stores, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalogueSize, skusPerStoreDay * 2);
        _seed = seed;
        SkusPerStoreDay = skusPerStoreDay;
        var random = new Random(seed);
        _storeIds = new string[stores];
        _sizes = new double[stores];
        for (var i = 0; i < stores; i++)
        {
            _storeIds[i] = $"store-{i + 1:D5}";
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _sizes[i] = Math.Exp(0.45 * normal);
        }

        _catalogue = new Sku[catalogueSize];
        _skuCumulative = new double[catalogueSize];
        var total = 0d;
        for (var k = 0; k < catalogueSize; k++)
        {
            var category = random.Next(s_categories.Length);
            var (min, max) = s_categoryPrice[category];
            _catalogue[k] = new Sku($"SKU-{k + 1:D6}", $"{s_nouns[random.Next(s_nouns.Length)]} {s_categories[category]} {s_sizes[random.Next(s_sizes.Length)]}",
                                    s_categories[category], decimal.Round(min + ((max - min) * (decimal)random.NextDouble()), 2));
            total += 1d / Math.Pow(k + 1, 1.07);
            _skuCumulative[k] = total;
        }

        for (var k = 0; k < catalogueSize; k++)
        {
            _skuCumulative[k] /= total;
        }
    }

    /// <summary>Average transactions of a store of size 1 on a day of weekday factor 1.</summary>
    public int BaseTransactions { get; init; } = 300;

    public int SkusPerStoreDay { get; }

    public int StoreCount => _storeIds.Length;

    public IReadOnlyList<string> StoreIds => _storeIds;

    public static IReadOnlyList<string> Categories => s_categories;

    /// <summary>True when the store did not trade on the date (about one store-day in a thousand).</summary>
    public bool IsClosed(int store, DateOnly date) => Hash(store, date.DayNumber, _seed + 17) % 1000 == 0;

    /// <summary>Every store that traded on <paramref name="date"/>, in store id order.</summary>
    public IEnumerable<StoreDaySummary> Day(DateOnly date, bool withSkus)
    {
        for (var store = 0; store < _storeIds.Length; store++)
        {
            if (!IsClosed(store, date))
            {
                yield return StoreDay(store, date, withSkus);
            }
        }
    }

    /// <summary>The store-day of store index <paramref name="store"/> (0-based), closed or not.</summary>
    public StoreDaySummary StoreDay(int store, DateOnly date, bool withSkus)
    {
        var random = new Random(Hash(store, date.DayNumber, _seed));
        var size = _sizes[store];
        var trend = 1 + (0.0005 * (date.DayNumber % 3650));
        var noise = 0.92 + (0.16 * random.NextDouble());
        var transactions = Math.Max(1, (int)Math.Round(BaseTransactions * size * s_weekdayFactor[(int)date.DayOfWeek] * trend * noise));
        var basket = 21m + (4m * (decimal)random.NextDouble());
        var net = transactions * basket;

        // Categories: a store's leaning (seeded by the store alone) times day noise; lines and money split by share.
        var storeLean = new Random(Hash(store, 0, _seed ^ 0x5bd1e995));
        Span<double> shares = stackalloc double[s_categories.Length];
        var shareTotal = 0d;
        for (var c = 0; c < shares.Length; c++)
        {
            shares[c] = s_categoryWeight[c] * (0.7 + (0.6 * storeLean.NextDouble())) * (0.85 + (0.3 * random.NextDouble()));
            shareTotal += shares[c];
        }

        var categories = new CategorySales[s_categories.Length];
        var totalLines = 0;
        var totalUnits = 0L;
        var gross = 0m;
        var discounts = 0m;
        for (var c = 0; c < categories.Length; c++)
        {
            var share = shares[c] / shareTotal;
            var categoryNet = decimal.Round(net * (decimal)share, 2);
            var categoryDiscounts = decimal.Round(categoryNet * (0.02m + (0.03m * (decimal)random.NextDouble())), 2);
            var lines = Math.Max(1, (int)Math.Round(transactions * 2.3 * share));
            var units = (long)Math.Round(lines * (1.2 + (0.2 * random.NextDouble())));
            var categoryTransactions = Math.Min(transactions, Math.Max(1, (int)Math.Round(lines * 0.8)));
            categories[c] = new CategorySales(s_categories[c], categoryTransactions, units, lines, categoryNet + categoryDiscounts, categoryDiscounts);
            totalLines += lines;
            totalUnits += units;
            gross += categoryNet + categoryDiscounts;
            discounts += categoryDiscounts;
        }

        var totals = new SalesTotals(transactions, totalUnits, totalLines, gross, discounts);
        return new StoreDaySummary
        {
            StoreId = _storeIds[store],
            BusinessDate = date,
            Currency = Currency,
            Totals = totals,
            Hours = Hours(transactions, totalUnits, totals.NetRevenue, random),
            Categories = categories,
            PaymentMethods = Payments(transactions, totals.NetRevenue, random),
            Skus = withSkus ? Skus(size, random) : [],
        };
    }

    private static HourSales[] Hours(int transactions, long units, decimal net, Random random)
    {
        Span<double> weights = stackalloc double[s_hourWeight.Length];
        var total = 0d;
        for (var h = 0; h < weights.Length; h++)
        {
            weights[h] = s_hourWeight[h] * (0.8 + (0.4 * random.NextDouble()));
            total += weights[h];
        }

        var hours = new HourSales[weights.Length];
        var (restTransactions, restUnits, restNet) = (transactions, units, net);
        for (var h = 0; h < hours.Length; h++)
        {
            var last = h == hours.Length - 1;
            var share = weights[h] / total;
            var t = last ? restTransactions : Math.Min(restTransactions, (int)Math.Round(transactions * share));
            var u = last ? restUnits : Math.Min(restUnits, (long)Math.Round(units * share));
            var n = last ? restNet : Math.Min(restNet, decimal.Round(net * (decimal)share, 2));
            hours[h] = new HourSales(FirstHour + h, t, u, n);
            (restTransactions, restUnits, restNet) = (restTransactions - t, restUnits - u, restNet - n);
        }

        return hours;
    }

    private static PaymentMethodSales[] Payments(int transactions, decimal net, Random random)
    {
        var methods = new PaymentMethodSales[s_payments.Length];
        var (restTransactions, restNet) = (transactions, net);
        for (var m = 0; m < methods.Length; m++)
        {
            var last = m == methods.Length - 1;
            var share = s_paymentShare[m] * (0.9 + (0.2 * random.NextDouble()));
            var t = last ? restTransactions : Math.Min(restTransactions, (int)Math.Round(transactions * share));
            var n = last ? restNet : Math.Min(restNet, decimal.Round(net * (decimal)share, 2));
            methods[m] = new PaymentMethodSales(s_payments[m], t, n);
            (restTransactions, restNet) = (restTransactions - t, restNet - n);
        }

        return methods;
    }

    /// <summary>Distinct SKUs drawn by popularity, in SKU order (the catalogue's ids sort as its indexes).</summary>
    private SkuSales[] Skus(double size, Random random)
    {
        var count = Math.Max(1, SkusPerStoreDay + random.Next(-SkusPerStoreDay / 3, (SkusPerStoreDay / 3) + 1));
        var picked = new SortedSet<int>();
        while (picked.Count < count)
        {
            var index = Array.BinarySearch(_skuCumulative, random.NextDouble());
            picked.Add(Math.Min(index < 0 ? ~index : index, _skuCumulative.Length - 1));
        }

        var skus = new SkuSales[count];
        var i = 0;
        foreach (var index in picked)
        {
            var sku = _catalogue[index];
            var lines = 1 + (int)(random.NextDouble() * 6 * size * (index < 50 ? 4 : 1));
            var units = lines + (long)(random.NextDouble() * lines * 0.5);
            var grossSales = units * sku.Price;
            var discount = random.NextDouble() < 0.1 ? decimal.Round(grossSales * 0.1m, 2) : 0m;
            skus[i++] = new SkuSales(sku.Id, sku.Name, sku.Category, units, lines, grossSales, discount);
        }

        return skus;
    }

    private static int Hash(int store, int day, int salt)
    {
        var hash = 2166136261u;
        hash = Mix(hash, (uint)store);
        hash = Mix(hash, (uint)day);
        hash = Mix(hash, (uint)salt);
        return (int)(hash & 0x7fffffff);

        static uint Mix(uint hash, uint value)
        {
            hash = (hash ^ value) * 16777619u;
            return hash ^ (hash >> 15);
        }
    }

    private sealed record Sku(string Id, string Name, string Category, decimal Price);
}
