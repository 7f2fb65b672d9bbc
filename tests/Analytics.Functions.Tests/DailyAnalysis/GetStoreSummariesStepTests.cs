using System.IO.Compression;
using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Analytics.Functions.Tests.DailyAnalysis;

public sealed class GetStoreSummariesStepTests
{
    private static readonly DateOnly Date = new(2025, 1, 15);
    private readonly ISalesStore _sales = Substitute.For<ISalesStore>();
    private readonly InMemoryBucket _bucket = new();

    private GetStoreSummariesStep CreateStep(string zone = "America/New_York") =>
        new(_sales, new AnalysisArtifacts(_bucket.Store), Options.Create(new AnalysisOptions { TimeZone = zone }));

    private static GetStoreSummariesInput Input(string? date, string startedAt = "2025-01-16T11:00:00Z") =>
        new(new AnalysisRequest(date), "exec-1", DateTimeOffset.Parse(startedAt, System.Globalization.CultureInfo.InvariantCulture));

    private void GivenStores(DateOnly date, params StoreDaySummary[] stores) =>
        _sales.GetDayAsync(date, SalesDetail.WithSkus, Arg.Any<CancellationToken>()).Returns(stores);

    [Fact]
    public async Task HandleAsync_Date_WritesTheStoreDaysUnderTheExecutionsPrefixAndPassesTheirKey()
    {
        GivenStores(Date, DailyData.StoreDay("store-1", Date, 10m), DailyData.StoreDay("store-2", Date, 20m));

        var run = await CreateStep().HandleAsync(Input("2025-01-15"), CancellationToken.None);

        Assert.Equal((Date, 2, "USD", "analysis/runs/2025-01-15/exec-1/"), (run.Date, run.StoreCount, run.Currency, run.Prefix));
        Assert.Equal("analysis/runs/2025-01-15/exec-1/day.jsonl.gz", run.DayKey);
        using var lines = new StreamReader(new GZipStream(new MemoryStream(_bucket.Objects[run.DayKey!]), CompressionMode.Decompress));
        Assert.Equal(2, lines.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var back = await new AnalysisArtifacts(_bucket.Store).ReadStoreDaysAsync(run.DayKey!, CancellationToken.None);
        Assert.Equal([10m, 20m], back.Select(s => s.Totals.NetRevenue));
        Assert.Equal("SKU-1", back[0].Skus[0].Sku);
    }

    [Fact]
    public async Task HandleAsync_Date_KeepsTheChainsHistoryOfTheDateAndThe56DaysBeforeForTheLaterSteps()
    {
        GivenStores(Date, DailyData.StoreDay("store-1", Date, 10m), DailyData.StoreDay("store-2", Date, 20m));
        ChainDaySummary before = new()
        {
            BusinessDate = Date.AddDays(-3), StoresTrading = 2, Totals = new SalesTotals(2, 2, 2, 25m, 0m), Hours = [], Categories = [], PaymentMethods = [],
        };
        _sales.GetChainHistoryAsync(Date.AddDays(-56), Date.AddDays(-1), Arg.Any<CancellationToken>()).Returns([before]);

        var run = await CreateStep().HandleAsync(Input("2025-01-15"), CancellationToken.None);

        Assert.Equal("analysis/runs/2025-01-15/exec-1/chain.json", run.ChainKey);
        var chain = await new AnalysisArtifacts(_bucket.Store).ReadAsync(run.ChainKey!, AnalysisJsonContext.Default.ChainHistory, CancellationToken.None);
        Assert.Equal((Date.AddDays(-56), Date), (chain.First, chain.Last));
        Assert.Equal([(Date.AddDays(-3), 25m, 2), (Date, 30m, 2)], chain.Days.Select(d => (d.BusinessDate, d.Totals.NetRevenue, d.StoresTrading)));
        await _sales.Received(1).GetChainHistoryAsync(Arg.Any<DateOnly>(), Arg.Any<DateOnly>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("2025-01-16T11:00:00Z", "2025-01-15")] // 06:00 in New York
    [InlineData("2025-01-16T03:00:00Z", "2025-01-14")] // still the 15th (22:00) in New York
    public async Task HandleAsync_NoDate_AnalysesYesterdayInTheChainsTimeZone(string startedAt, string expected)
    {
        var run = await CreateStep().HandleAsync(Input(null, startedAt), CancellationToken.None);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), run.Date);
    }

    [Fact]
    public async Task HandleAsync_NoStoreSold_ReportsZeroStoresAndWritesNothing()
    {
        GivenStores(Date);

        var run = await CreateStep().HandleAsync(Input("2025-01-15"), CancellationToken.None);

        Assert.Equal((0, null, null), (run.StoreCount, run.DayKey, run.Currency));
        Assert.Empty(_bucket.Objects);
    }

    [Theory]
    [InlineData("2025-13-01", "is not a date")]
    [InlineData("15/01/2025", "is not a date")]
    [InlineData("2025-01-17", "in the future")]
    [InlineData("1999-12-31", "is before 2000-01-01, the earliest business date")]
    [InlineData("0001-01-01", "is before 2000-01-01, the earliest business date")] // it used to fail looking back a year before year 1
    public async Task HandleAsync_BadDate_ThrowsInvalidAnalysisDate(string date, string reason)
    {
        var error = await Assert.ThrowsAsync<InvalidAnalysisDateException>(() => CreateStep().HandleAsync(Input(date), CancellationToken.None));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        await _sales.DidNotReceiveWithAnyArgs().GetDayAsync(default, default, default);
    }

    [Fact]
    public async Task HandleAsync_StoresInDifferentCurrencies_ThrowsMixedCurrency()
    {
        GivenStores(Date, DailyData.StoreDay("store-1", Date, 10m, "USD"), DailyData.StoreDay("store-2", Date, 20m, "EUR"));

        var error = await Assert.ThrowsAsync<MixedCurrencyException>(() => CreateStep().HandleAsync(Input("2025-01-15"), CancellationToken.None));

        Assert.Contains("EUR (store-2", error.Message, StringComparison.Ordinal);
        Assert.Empty(_bucket.Objects);
    }

    [Fact]
    public async Task HandleAsync_UnknownConfiguredZone_IsAConfigurationError()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => CreateStep("Mars/Olympus").HandleAsync(Input("2025-01-15"), CancellationToken.None));
    }
}
