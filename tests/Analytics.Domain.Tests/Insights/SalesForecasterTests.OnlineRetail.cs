using System.Globalization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Testing;
using Microsoft.Extensions.Options;

namespace Analytics.Domain.Tests.Insights;

public sealed partial class SalesForecasterTests
{
    /// <summary>Origins of the hold-out: every trading day of the data set's last 12 weeks that has a week after it.</summary>
    private const int HoldOutDays = 12 * 7;

    /// <summary>
    /// A rolling-origin hold-out on the real retailer: from every origin D, forecast D + 1 … D + 7 from the data up to
    /// D only, and score the target days on which the chain traded against the actual net revenue, next to the
    /// seasonal-naive forecast (the same weekday a week before the target). MASE divides an entity's MAE by its
    /// in-sample seasonal-naive MAE before the first origin; stores and categories report the mean over entities.
    /// </summary>
    [SharedDataFact]
    public async Task Forecast_OnlineRetailRollingOrigins_BeatsSeasonalNaiveWithCalibratedIntervals()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var forecaster = new SalesForecaster(Options.Create(new AnalysisOptions()));
        var lastOrigin = data.Last.AddDays(-SalesForecaster.Horizon);
        var firstOrigin = lastOrigin.AddDays(1 - HoldOutDays);
        var chainRevenue = data.Days.ToDictionary(p => p.Key, p => p.Value.Sum(s => s.Totals.NetRevenue));
        var storeRevenue = data.Days.ToDictionary(p => p.Key, p => p.Value.ToDictionary(s => s.StoreId, s => s.Totals.NetRevenue, StringComparer.Ordinal));
        var categoryRevenue = data.Days.ToDictionary(p => p.Key, p => p.Value.SelectMany(s => s.Categories)
            .GroupBy(c => c.Category, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(c => c.NetRevenue), StringComparer.Ordinal));
        bool Traded(DateOnly date) => chainRevenue.ContainsKey(date);
        Accuracy Entity(Func<DateOnly, decimal> actual) => new(actual, Traded, data.First, firstOrigin);

        var chain = Entity(d => chainRevenue.GetValueOrDefault(d));
        var stores = new Dictionary<string, Accuracy>(StringComparer.Ordinal);
        var categories = new Dictionary<string, Accuracy>(StringComparer.Ordinal);
        var origins = 0;
        for (var origin = firstOrigin; origin <= lastOrigin; origin = origin.AddDays(1))
        {
            if (!Traded(origin))
            {
                continue;
            }

            origins++;
            var report = forecaster.Forecast(origin, data.On(origin), data.History(origin));
            chain.Add(report.Chain!);
            foreach (var store in report.Stores)
            {
                stores.TryAdd(store.Id, Entity(d => storeRevenue.GetValueOrDefault(d)?.GetValueOrDefault(store.Id) ?? 0m));
                stores[store.Id].Add(store);
            }

            foreach (var category in report.Categories)
            {
                categories.TryAdd(category.Id, Entity(d => categoryRevenue.GetValueOrDefault(d)?.GetValueOrDefault(category.Id) ?? 0m));
                categories[category.Id].Add(category);
            }
        }

        output.WriteLine($"Online Retail, {origins} origins {firstOrigin:O} … {lastOrigin:O}, horizons 1-7, days the chain traded; method {SalesForecaster.MethodName}");
        output.WriteLine(Accuracy.Header);
        output.WriteLine(chain.Line("chain"));
        output.WriteLine(Accuracy.Line($"stores ({stores.Count})", stores.Values));
        output.WriteLine(Accuracy.Line($"categories ({categories.Count})", categories.Values));
        foreach (var (id, store) in stores)
        {
            output.WriteLine(store.Line("  " + id));
        }

        Assert.InRange(origins, 60, HoldOutDays);
        Assert.True(chain.Mae < chain.NaiveMae, $"chain MAE {chain.Mae:F0} is not below seasonal naive's {chain.NaiveMae:F0}");
        Assert.InRange(chain.Coverage, 0.65, 0.95);
        Assert.InRange(Accuracy.PooledCoverage([chain, .. stores.Values, .. categories.Values]), 0.65, 0.95);
    }

    /// <summary>One entity's hold-out errors, its seasonal-naive errors and how often its interval held the actual.</summary>
    private sealed class Accuracy
    {
        public const string Header = "entity                      MAE   naive MAE   MASE  naive MASE  coverage  points";
        private readonly Func<DateOnly, decimal> _actual;
        private readonly Func<DateOnly, bool> _scored;
        private decimal _error, _naiveError;
        private int _points, _covered;

        /// <param name="firstOrigin">The in-sample seasonal-naive MAE, the MASE scale, is taken on the trading days
        /// from a week after <paramref name="first"/> to the day before it.</param>
        public Accuracy(Func<DateOnly, decimal> actual, Func<DateOnly, bool> scored, DateOnly first, DateOnly firstOrigin)
        {
            (_actual, _scored) = (actual, scored);
            var (sum, n) = (0m, 0);
            for (var d = first.AddDays(7); d < firstOrigin; d = d.AddDays(1))
            {
                if (scored(d))
                {
                    (sum, n) = (sum + Math.Abs(actual(d) - actual(d.AddDays(-7))), n + 1);
                }
            }

            Scale = n == 0 ? 0d : (double)(sum / n);
        }

        public double Scale { get; }

        public double Mae => _points == 0 ? 0d : (double)(_error / _points);

        public double NaiveMae => _points == 0 ? 0d : (double)(_naiveError / _points);

        public double Coverage => _points == 0 ? 0d : (double)_covered / _points;

        public void Add(EntityForecast forecast)
        {
            foreach (var day in forecast.Days.Where(d => _scored(d.Date)))
            {
                var actual = _actual(day.Date);
                _error += Math.Abs(actual - day.Expected);
                _naiveError += Math.Abs(actual - _actual(day.Date.AddDays(-7)));
                _covered += day.Low <= actual && actual <= day.High ? 1 : 0;
                _points++;
            }
        }

        public string Line(string name) => Format(name, Mae, NaiveMae, Mae / Scale, NaiveMae / Scale, Coverage, _points);

        public static string Line(string name, IReadOnlyCollection<Accuracy> entities)
        {
            var scaled = entities.Where(e => e.Scale > 0d && e._points > 0).ToList();
            return Format(name, entities.Sum(e => (double)e._error) / entities.Sum(e => e._points),
                          entities.Sum(e => (double)e._naiveError) / entities.Sum(e => e._points),
                          scaled.Average(e => e.Mae / e.Scale), scaled.Average(e => e.NaiveMae / e.Scale),
                          PooledCoverage(entities), entities.Sum(e => e._points));
        }

        public static double PooledCoverage(IReadOnlyCollection<Accuracy> entities) =>
            (double)entities.Sum(e => e._covered) / entities.Sum(e => e._points);

        private static string Format(string name, double mae, double naiveMae, double mase, double naiveMase, double coverage, int points) =>
            string.Create(CultureInfo.InvariantCulture,
                          $"{name,-24}{mae,9:F0}{naiveMae,12:F0}{mase,7:F3}{naiveMase,12:F3}{coverage,10:P1}{points,8}");
    }
}
