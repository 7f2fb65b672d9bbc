using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

/// <summary>
/// A generated chain with realistic noise: each store-day is the store's size × a weekday pattern × a lognormal
/// daily factor (σ = <see cref="Noise"/>; the default 0.05 keeps about 95 % of days within ±10 %), each SKU line
/// adding its own 5 % noise and transactions 3 %. Every store-day
/// is a pure function of (seed, store, date), so a date read twice gives the same data. Anomalies can be planted
/// on <see cref="PlantDate"/>: a store at half revenue, a store without sales, a category multiplied.
/// </summary>
internal sealed class ChainSimulator(int seed, int stores, double noise = 0.05)
{
    public static readonly double[] WeekdayPattern = [0.9, 0.95, 1.0, 1.0, 1.1, 1.3, 0.75]; // Monday first

    private static readonly (string Sku, string Category, decimal Price, double Units)[] Catalog =
    [
        ("C1", "Coffee", 10.00m, 20), ("C2", "Coffee", 6.00m, 15), ("C3", "Coffee", 4.00m, 10), ("C4", "Coffee", 3.00m, 10),
        ("N1", "Snacks", 2.00m, 8), ("N2", "Snacks", 2.00m, 6), ("N3", "Snacks", 2.00m, 5),
        ("T1", "Tea", 4.00m, 15), ("T2", "Tea", 5.00m, 10), ("T3", "Tea", 6.00m, 8),
    ];

    public double Noise { get; } = noise;

    public DateOnly? PlantDate { get; init; }
    public string? HalfRevenueStore { get; init; }
    public string? ClosedStore { get; init; }
    public string? SurgeCategory { get; init; }
    public double SurgeFactor { get; init; } = 2.0;

    /// <summary>A store <see cref="LargeStoreFactor"/> times its peers' size, as the real data set's big store is.</summary>
    public string? LargeStore { get; init; }

    public const double LargeStoreFactor = 20.0;

    public static string StoreId(int index) => $"store-{index:D5}";

    public IReadOnlyList<StoreDaySummary> On(DateOnly date)
    {
        List<StoreDaySummary> day = [];
        for (var s = 0; s < stores; s++)
        {
            var id = StoreId(s);
            var planted = date == PlantDate;
            if (planted && id == ClosedStore)
            {
                continue;
            }

            var random = new SplitMix((ulong)seed << 40 ^ (ulong)s << 20 ^ (ulong)date.DayNumber);
            var size = (0.8 + 0.4 * new SplitMix((ulong)seed << 40 ^ (ulong)s << 20).NextDouble()) * (id == LargeStore ? LargeStoreFactor : 1.0);
            var level = size * WeekdayPattern[((int)date.DayOfWeek + 6) % 7] * Math.Exp(Noise * Gaussian(random));
            if (planted && id == HalfRevenueStore)
            {
                level *= 0.5;
            }

            List<Line> lines = [];
            foreach (var (sku, category, price, units) in Catalog)
            {
                var factor = planted && category == SurgeCategory ? SurgeFactor : 1.0;
                var sold = (long)Math.Round(units * level * factor * Math.Exp(0.05 * Gaussian(random)));
                if (sold > 0)
                {
                    lines.Add(new Line(sku, category, sold, price));
                }
            }

            var transactions = Math.Max(1, (int)Math.Round(40 * level * Math.Exp(0.03 * Gaussian(random))));
            day.Add(SalesData.StoreDay(id, date, transactions, [.. lines]));
        }

        return day;
    }

    /// <summary>Approximately standard normal: the sum of 12 uniforms less 6 (Irwin–Hall).</summary>
    private static double Gaussian(SplitMix random)
    {
        var sum = 0.0;
        for (var i = 0; i < 12; i++)
        {
            sum += random.NextDouble();
        }

        return sum - 6.0;
    }

    /// <summary>SplitMix64: well-mixed streams from nearby keys (seeded System.Random is not).</summary>
    private sealed class SplitMix(ulong key)
    {
        private ulong _state = Mix(Mix(key)); // scrambled, so nearby keys do not share shifted streams

        public double NextDouble() => (Mix(_state += 0x9E3779B97F4A7C15UL) >> 11) * (1.0 / (1UL << 53));

        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
