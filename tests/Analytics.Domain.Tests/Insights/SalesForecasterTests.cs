using System.Text.Json;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Insights;

public sealed partial class SalesForecasterTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2025, 6, 18); // a Wednesday: D + 1 is a Thursday, D + 4 a Sunday

    private static readonly ChainSimulator Chain = new(seed: 7, stores: 20);

    [Fact]
    public void Forecast_WeekdayPatternWithNoise_RecoversThePatternAndTheLevel()
    {
        var report = Forecaster().Forecast(Day, Chain.On(Day), SalesData.History(Day, Chain.On));

        var chain = report.Chain!;
        var mean = ChainSimulator.WeekdayPattern.Average();
        for (var w = 0; w < 7; w++)
        {
            Assert.InRange((double)chain.WeekdayFactors[w], ChainSimulator.WeekdayPattern[w] / mean * 0.97, ChainSimulator.WeekdayPattern[w] / mean * 1.03);
        }

        Assert.Equal(Enumerable.Range(1, 7).Select(Day.AddDays), chain.Days.Select(d => d.Date));
        foreach (var day in chain.Days)
        {
            var actual = Chain.On(day.Date).Sum(s => s.Totals.NetRevenue);
            Assert.InRange(day.Expected, actual * 0.95m, actual * 1.05m);
            Assert.False(day.Closed);
        }

        Assert.Equal((20, 0), (report.Stores.Count, report.StoresLeftOut));
        Assert.Equal(["Coffee", "Snacks", "Tea"], report.Categories.Select(c => c.Id));
        var store = report.Stores.Single(s => s.Id == ChainSimulator.StoreId(3));
        var sunday = store.Days.Single(d => d.Date.DayOfWeek == DayOfWeek.Sunday);
        var storeActual = Chain.On(sunday.Date).Single(s => s.StoreId == store.Id).Totals.NetRevenue;
        Assert.InRange(sunday.Expected, storeActual * 0.9m, storeActual * 1.1m);
        Assert.Equal(SalesForecaster.MethodName, report.Method);
    }

    [Fact]
    public void Forecast_NoisyStoresOverThirtyOrigins_IntervalsCoverAboutEightyPercent()
    {
        var noisy = new ChainSimulator(seed: 11, stores: 30, noise: 0.15);
        var forecaster = Forecaster();
        var (points, covered) = (0, 0);
        for (var origin = Day.AddDays(-29); origin <= Day; origin = origin.AddDays(1))
        {
            var report = forecaster.Forecast(origin, noisy.On(origin), SalesData.History(origin, noisy.On));
            foreach (var store in report.Stores)
            {
                foreach (var day in store.Days)
                {
                    var actual = noisy.On(day.Date).Single(s => s.StoreId == store.Id).Totals.NetRevenue;
                    (points, covered) = (points + 1, covered + (day.Low <= actual && actual <= day.High ? 1 : 0));
                }
            }
        }

        output.WriteLine($"80 % intervals held {covered} of {points} store-days ({100.0 * covered / points:F1} %)");
        Assert.Equal(30 * 30 * 7, points);
        Assert.InRange((double)covered / points, 0.72, 0.88);
    }

    [Fact]
    public void Forecast_StoreNeverTradesOnSundays_ItsSundayIsClosedAtZeroAndTheChainsIsNot()
    {
        const string Closer = "store-00003";
        IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
            [.. Chain.On(date).Where(s => !(s.StoreId == Closer && date.DayOfWeek == DayOfWeek.Sunday))];

        var report = Forecaster().Forecast(Day, On(Day), SalesData.History(Day, On));

        var store = report.Stores.Single(s => s.Id == Closer);
        var sunday = Day.AddDays(4);
        Assert.Equal(new ForecastDay(sunday, 0m, 0m, 0m, true), store.Days[3]);
        Assert.Equal(0m, store.WeekdayFactors[6]);
        Assert.All(store.Days.Where(d => d.Date != sunday), d => Assert.True(!d.Closed && d.Expected > 0m));
        Assert.All([report.Chain!, .. report.Stores.Where(s => s.Id != Closer), .. report.Categories], e => Assert.False(e.Days[3].Closed));
    }

    [Fact]
    public void Forecast_ChainNeverTradesOnSundays_SundayIsClosedForEveryEntity()
    {
        IReadOnlyList<StoreDaySummary> On(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? [] : Chain.On(date);

        var report = Forecaster().Forecast(Day, On(Day), SalesData.History(Day, On));

        Assert.All([report.Chain!, .. report.Stores, .. report.Categories], e =>
        {
            Assert.Equal(new ForecastDay(Day.AddDays(4), 0m, 0m, 0m, true), e.Days[3]);
            Assert.Equal(6, e.Days.Count(d => !d.Closed));
        });
        Assert.InRange(report.Chain!.WeekdayFactors.Sum(), 5.999m, 6.001m); // the pattern averages 1 over the six trading weekdays
    }

    [Fact]
    public void Forecast_ConfiguredClosures_ZeroForEveryEntityAheadAndLeftOutOfTheHistory()
    {
        var holidayAhead = Day.AddDays(2);
        var holidayBefore = Day.AddDays(-13); // a Thursday, like D + 1
        IReadOnlyList<StoreDaySummary> Holiday(DateOnly date) => date == holidayBefore ? [] : Chain.On(date);
        var forecaster = Forecaster(holidayAhead, holidayBefore);

        var closed = forecaster.Forecast(Day, Chain.On(Day), SalesData.History(Day, Holiday));
        var tradedThatDay = forecaster.Forecast(Day, Chain.On(Day), SalesData.History(Day, Chain.On));
        var notConfigured = Forecaster(holidayAhead).Forecast(Day, Chain.On(Day), SalesData.History(Day, Holiday));

        Assert.All([closed.Chain!, .. closed.Stores, .. closed.Categories],
                   e => Assert.Equal(new ForecastDay(holidayAhead, 0m, 0m, 0m, true), e.Days[1]));
        Assert.Equal(20, closed.Stores.Count);
        Assert.Equal(Json(tradedThatDay), Json(closed)); // whatever sold on a configured closure does not count
        Assert.Equal(56, closed.Chain!.HistoryDays);
        Assert.True(notConfigured.Chain!.Days[0].Expected < closed.Chain.Days[0].Expected,
                    "an unconfigured closure drags the Thursday down");
    }

    [Fact]
    public void Forecast_ThirteenDaysOfHistory_LeavesEveryEntityOutAndCountsThem()
    {
        var report = Forecaster().Forecast(Day, Chain.On(Day), SalesData.History(Day, Chain.On, Day.AddDays(-12)));

        Assert.Null(report.Chain);
        Assert.Equal((0, 20), (report.Stores.Count, report.StoresLeftOut));
        Assert.Equal((0, 3), (report.Categories.Count, report.CategoriesLeftOut));
    }

    [Fact]
    public void Forecast_FourteenDaysOfHistory_ForecastsFromThemAndLeavesOutANewerStore()
    {
        IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
            date < Day.AddDays(-5) ? Chain.On(date) : [.. Chain.On(date), SalesData.StoreDay("store-new", date, 10, new Line("C1", "Coffee", 10, 10m))];

        var report = Forecaster().Forecast(Day, On(Day), SalesData.History(Day, On, Day.AddDays(-13)));

        Assert.Equal(SalesForecaster.MinimumHistoryDays, report.Chain!.HistoryDays);
        Assert.Equal((20, 1), (report.Stores.Count, report.StoresLeftOut));
        Assert.DoesNotContain(report.Stores, s => s.Id == "store-new");
    }

    [Fact]
    public void Forecast_OneWholesaleDayInTheHistory_BarelyMovesTheForecast()
    {
        const string Wholesaler = "store-00001";
        var invoiceDay = Day.AddDays(-3);
        IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
        [
            .. Chain.On(date).Select(s => date == invoiceDay && s.StoreId == Wholesaler
                ? SalesData.StoreDay(Wholesaler, date, 41, [.. s.Skus.Select(k => new Line(k.Sku, k.Category, k.Units, k.GrossSales / k.Units)),
                                                             new Line("C1", "Coffee", 1, 40 * s.Totals.NetRevenue)])
                : s),
        ];
        var forecaster = Forecaster();

        var clean = forecaster.Forecast(Day, Chain.On(Day), SalesData.History(Day, Chain.On));
        var withInvoice = forecaster.Forecast(Day, On(Day), SalesData.History(Day, On));

        Assert.True(On(invoiceDay).Sum(s => s.Totals.NetRevenue) > 2.5m * Chain.On(invoiceDay).Sum(s => s.Totals.NetRevenue));
        Assert.All(clean.Chain!.Days.Zip(withInvoice.Chain!.Days), p => Assert.InRange(p.Second.Expected, p.First.Expected * 0.98m, p.First.Expected * 1.02m));
        var store = clean.Stores.Single(s => s.Id == Wholesaler).Days.Zip(withInvoice.Stores.Single(s => s.Id == Wholesaler).Days);
        Assert.All(store, p => Assert.InRange(p.Second.Expected, p.First.Expected * 0.9m, p.First.Expected * 1.1m));
    }

    [Theory]
    [InlineData(3, 0.05)]
    [InlineData(5, 0.6)]
    [InlineData(9, 1.5)]
    public void Forecast_AnyNoise_EveryDayIsCentsWithZeroOrMoreBelowExpectedBelowHigh(int seed, double noise)
    {
        var chain = new ChainSimulator(seed, stores: 12, noise);

        var report = Forecaster().Forecast(Day, chain.On(Day), SalesData.History(Day, chain.On));

        Assert.All([report.Chain!, .. report.Stores, .. report.Categories], e =>
        {
            Assert.Equal(Enumerable.Range(1, 7).Select(Day.AddDays), e.Days.Select(d => d.Date));
            Assert.All(e.Days, d =>
            {
                Assert.True(0m <= d.Low && d.Low <= d.Expected && d.Expected <= d.High, $"{e.Id} {d}");
                Assert.Equal(d, d with { Expected = decimal.Round(d.Expected, 2), Low = decimal.Round(d.Low, 2), High = decimal.Round(d.High, 2) });
            });
        });
    }

    [Fact]
    public void Forecast_Report_RoundTripsThroughTheAnalysisJsonContext()
    {
        IReadOnlyList<StoreDaySummary> On(DateOnly date) => date.DayOfWeek == DayOfWeek.Sunday ? [] : Chain.On(date);
        var report = Forecaster(Day.AddDays(2)).Forecast(Day, On(Day), SalesData.History(Day, On));

        var json = Json(report);
        var read = JsonSerializer.Deserialize(json, AnalysisJsonContext.Default.ForecastReport)!;

        Assert.Equal(json, Json(read));
        Assert.Equal(report.Chain!.Days, read.Chain!.Days);
        Assert.Contains("\"closed\":true", json, StringComparison.Ordinal);
        Assert.Contains($"\"date\":\"{Day:yyyy-MM-dd}\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Forecast_TenThousandStores_ForecastsEveryStoreInAFewKilobytesEach() // linear: no per-store storm of allocations
    {
        const int Stores = 10_000;
        var days = new Dictionary<DateOnly, IReadOnlyList<StoreDaySummary>>();
        IReadOnlyList<StoreDaySummary> On(DateOnly date)
        {
            if (!days.TryGetValue(date, out var stores))
            {
                var factor = ChainSimulator.WeekdayPattern[ForecastModelWeekday(date)];
                stores = [.. Enumerable.Range(0, Stores).Select(s => SalesData.StoreDay(
                    $"store-{s:D5}", date, 10, new Line("C1", "Coffee", 10 + s % 7 + (date.DayNumber + s) % 3, 10m * (decimal)factor)))];
                days.Add(date, stores);
            }

            return stores;
        }

        var history = SalesData.History(Day, On);
        var forecaster = Forecaster();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = forecaster.Forecast(Day, On(Day), history);
        var perStore = (GC.GetAllocatedBytesForCurrentThread() - before) / Stores;

        output.WriteLine($"{perStore} bytes allocated per store");
        Assert.Equal((Stores, 0), (report.Stores.Count, report.StoresLeftOut));
        Assert.InRange(perStore, 0, 8_192); // merging D's store-days into the chain's day included
    }

    private static int ForecastModelWeekday(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;

    private static string Json(ForecastReport report) => JsonSerializer.Serialize(report, AnalysisJsonContext.Default.ForecastReport);

    private static SalesForecaster Forecaster(params DateOnly[] closedDates)
    {
        var options = new AnalysisOptions();
        foreach (var date in closedDates)
        {
            options.ClosedDates.Add(IsoDate.Format(date));
        }

        return new SalesForecaster(Options.Create(options));
    }
}
