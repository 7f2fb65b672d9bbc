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
    private static readonly (double Min, double Max)[] s_categoryPrice =
    [
        (1.20, 9.50), (0.90, 12.00), (3.50, 24.00), (0.90, 8.00), (1.50, 14.00), (1.50, 25.00),
        (3.00, 60.00), (0.70, 16.00), (1.80, 30.00), (0.40, 6.50), (0.80, 7.00), (2.50, 18.00),
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
                                    s_categories[category], (long)Math.Round(100 * (min + ((max - min) * random.NextDouble()))));
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

    /// <summary>
    /// The chain's day: what <see cref="SalesMerge.ChainDay"/> gives for <see cref="Day"/>, summed in place without
    /// keeping the store-days (every store-day has the same hours, categories and payment methods in the same order).
    /// Null when no store traded.
    /// </summary>
    public ChainDaySummary? ChainDay(DateOnly date)
    {
        var stores = 0;
        var totals = SalesTotals.Zero;
        HourSales[]? hours = null;
        CategorySales[]? categories = null;
        PaymentMethodSales[]? methods = null;
        foreach (var day in Day(date, withSkus: false))
        {
            stores++;
            totals = totals.Add(day.Totals);
            hours = Sum(hours, day.Hours, (a, b) => a with { Transactions = a.Transactions + b.Transactions, Units = a.Units + b.Units, NetRevenue = a.NetRevenue + b.NetRevenue });
            categories = Sum(categories, day.Categories, (a, b) => a with
            {
                Transactions = a.Transactions + b.Transactions, Units = a.Units + b.Units, Lines = a.Lines + b.Lines,
                GrossSales = a.GrossSales + b.GrossSales, Discounts = a.Discounts + b.Discounts,
            });
            methods = Sum(methods, day.PaymentMethods, (a, b) => a with { Transactions = a.Transactions + b.Transactions, NetRevenue = a.NetRevenue + b.NetRevenue });
        }

        return stores == 0 ? null : new ChainDaySummary
        {
            BusinessDate = date, StoresTrading = stores, Totals = totals, Hours = hours!, Categories = categories!, PaymentMethods = methods!,
        };

        static T[] Sum<T>(T[]? sums, IReadOnlyList<T> parts, Func<T, T, T> add)
        {
            if (sums is null)
            {
                return [.. parts];
            }

            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] = add(sums[i], parts[i]);
            }

            return sums;
        }
    }

    /// <summary>The store-day of store index <paramref name="store"/> (0-based), closed or not.</summary>
    public StoreDaySummary StoreDay(int store, DateOnly date, bool withSkus)
    {
        // Amounts are worked out in cents (long) and made decimals at the end: cheap, exact and deterministic.
        var random = new SplitMix(Hash(store, date.DayNumber, _seed));
        var size = _sizes[store];
        var trend = 1 + (0.0005 * (date.DayNumber % 3650));
        var noise = 0.92 + (0.16 * random.NextDouble());
        var transactions = Math.Max(1, (int)Math.Round(BaseTransactions * size * s_weekdayFactor[(int)date.DayOfWeek] * trend * noise));
        var netCents = (long)(transactions * (2100 + (400 * random.NextDouble())));

        // Categories: a store's leaning (seeded by the store alone) times day noise; lines and money split by share.
        var lean = new SplitMix(Hash(store, 0, _seed ^ 0x5bd1e995));
        Span<double> shares = stackalloc double[s_categories.Length];
        var shareTotal = 0d;
        for (var c = 0; c < shares.Length; c++)
        {
            shares[c] = s_categoryWeight[c] * (0.7 + (0.6 * lean.NextDouble())) * (0.85 + (0.3 * random.NextDouble()));
            shareTotal += shares[c];
        }

        var categories = new CategorySales[s_categories.Length];
        var totalLines = 0;
        var totalUnits = 0L;
        var grossCents = 0L;
        var discountCents = 0L;
        for (var c = 0; c < categories.Length; c++)
        {
            var share = shares[c] / shareTotal;
            var categoryNet = (long)(netCents * share);
            var categoryDiscounts = (long)(categoryNet * (0.02 + (0.03 * random.NextDouble())));
            var lines = Math.Max(1, (int)Math.Round(transactions * 2.3 * share));
            var units = (long)Math.Round(lines * (1.2 + (0.2 * random.NextDouble())));
            var categoryTransactions = Math.Min(transactions, Math.Max(1, (int)Math.Round(lines * 0.8)));
            categories[c] = new CategorySales(s_categories[c], categoryTransactions, units, lines, Money(categoryNet + categoryDiscounts), Money(categoryDiscounts));
            totalLines += lines;
            totalUnits += units;
            grossCents += categoryNet + categoryDiscounts;
            discountCents += categoryDiscounts;
        }

        var net = grossCents - discountCents;
        return new StoreDaySummary
        {
            StoreId = _storeIds[store],
            BusinessDate = date,
            Currency = Currency,
            Totals = new SalesTotals(transactions, totalUnits, totalLines, Money(grossCents), Money(discountCents)),
            Hours = Hours(transactions, totalUnits, net, ref random),
            Categories = categories,
            PaymentMethods = Payments(transactions, net, ref random),
            Skus = withSkus ? Skus(size, ref random) : [],
        };
    }

    private static decimal Money(long cents) => new((int)(cents & 0xffffffff), (int)(cents >> 32), 0, false, 2);

    private static HourSales[] Hours(int transactions, long units, long netCents, ref SplitMix random)
    {
        Span<double> weights = stackalloc double[s_hourWeight.Length];
        var total = 0d;
        for (var h = 0; h < weights.Length; h++)
        {
            weights[h] = s_hourWeight[h] * (0.8 + (0.4 * random.NextDouble()));
            total += weights[h];
        }

        var hours = new HourSales[weights.Length];
        var (restTransactions, restUnits, restNet) = (transactions, units, netCents);
        for (var h = 0; h < hours.Length; h++)
        {
            var last = h == hours.Length - 1;
            var share = weights[h] / total;
            var t = last ? restTransactions : Math.Min(restTransactions, (int)Math.Round(transactions * share));
            var u = last ? restUnits : Math.Min(restUnits, (long)Math.Round(units * share));
            var n = last ? restNet : Math.Min(restNet, (long)(netCents * share));
            hours[h] = new HourSales(FirstHour + h, t, u, Money(n));
            (restTransactions, restUnits, restNet) = (restTransactions - t, restUnits - u, restNet - n);
        }

        return hours;
    }

    private static PaymentMethodSales[] Payments(int transactions, long netCents, ref SplitMix random)
    {
        var methods = new PaymentMethodSales[s_payments.Length];
        var (restTransactions, restNet) = (transactions, netCents);
        for (var m = 0; m < methods.Length; m++)
        {
            var last = m == methods.Length - 1;
            var share = s_paymentShare[m] * (0.9 + (0.2 * random.NextDouble()));
            var t = last ? restTransactions : Math.Min(restTransactions, (int)Math.Round(transactions * share));
            var n = last ? restNet : Math.Min(restNet, (long)(netCents * share));
            methods[m] = new PaymentMethodSales(s_payments[m], t, Money(n));
            (restTransactions, restNet) = (restTransactions - t, restNet - n);
        }

        return methods;
    }

    /// <summary>Distinct SKUs drawn by popularity, in SKU order (the catalogue's ids sort as its indexes).</summary>
    private SkuSales[] Skus(double size, ref SplitMix random)
    {
        var count = Math.Max(1, SkusPerStoreDay - (SkusPerStoreDay / 3) + (int)(random.NextDouble() * ((2 * (SkusPerStoreDay / 3)) + 1)));
        Span<int> picked = stackalloc int[count];
        var n = 0;
        while (n < count)
        {
            var index = Array.BinarySearch(_skuCumulative, random.NextDouble());
            index = Math.Min(index < 0 ? ~index : index, _skuCumulative.Length - 1);
            if (!picked[..n].Contains(index))
            {
                picked[n++] = index;
            }
        }

        picked.Sort();
        var skus = new SkuSales[count];
        for (var i = 0; i < count; i++)
        {
            var sku = _catalogue[picked[i]];
            var lines = 1 + (int)(random.NextDouble() * 6 * size * (picked[i] < 50 ? 4 : 1));
            var units = lines + (long)(random.NextDouble() * lines * 0.5);
            var grossCents = units * sku.PriceCents;
            var discountCents = random.NextDouble() < 0.1 ? grossCents / 10 : 0;
            skus[i] = new SkuSales(sku.Id, sku.Name, sku.Category, units, lines, Money(grossCents), Money(discountCents));
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

    private sealed record Sku(string Id, string Name, string Category, long PriceCents);

    /// <summary>SplitMix64: a tiny, fast, well-mixed generator (System.Random's seeded constructor costs more than a store-day).</summary>
    private struct SplitMix(int seed)
    {
        private ulong _state = (ulong)seed * 0x9E3779B97F4A7C15UL;

        public double NextDouble()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
