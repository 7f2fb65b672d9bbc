using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using NSubstitute;

namespace Analytics.Domain.Tests.Analysis;

public sealed class SalesHistoryLoaderTests
{
    private static readonly DateOnly D = new(2025, 1, 15);
    private static readonly SalesHistoryPlan Plan = SalesHistoryPlan.For(D);

    private static DateOnly Back(int days) => D.AddDays(-days);

    [Fact]
    public void Plan_ReadsTheDocumentedDates()
    {
        int[] totals = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 15, 16, 17, 18, 19, 20, 22, 23, 24, 25, 26, 27, 35, 42, 49, 56];

        Assert.Equal(totals.Select(Back), Plan.TotalsDates);
        Assert.Equal([Back(7), Back(14), Back(21), Back(28)], Plan.SkuDates);
        Assert.Equal((Back(56), Back(1), Back(7)), (Plan.ChainFirst, Plan.ChainLast, Plan.LastWeek));
    }

    [Fact]
    public void Reads_All_AreThePlansReadsEachDateOnce()
    {
        var reads = SalesHistoryLoader.Reads(Plan, HistoryParts.All);

        Assert.Equal(32, reads.Count);
        Assert.Equal(Plan.SkuDates.Order(), reads.Where(r => r.Detail == SalesDetail.WithSkus).Select(r => r.Date).Order());
        // Categories are read on the baseline's dates only; the other store dates at totals only.
        Assert.Equal([Back(35), Back(42), Back(49), Back(56)], reads.Where(r => r.Detail == SalesDetail.Totals).Select(r => r.Date).Order().Reverse());
        Assert.Equal(Plan.TotalsDates.Except(Plan.BaselineDates).Order(), reads.Where(r => r.Detail == SalesDetail.TotalsOnly).Select(r => r.Date).Order());
    }

    [Fact]
    public void Reads_StoreTotalsWithoutSkus_ReadTheBaselineDatesAtTotalsAndTheRestAtTotalsOnly()
    {
        var reads = SalesHistoryLoader.Reads(Plan, HistoryParts.StoreTotals);

        Assert.Equal(Plan.TotalsDates.Concat(Plan.SkuDates).Order(), reads.Select(r => r.Date).Order());
        Assert.All(reads, r => Assert.Equal(Plan.BaselineDates.Contains(r.Date) ? SalesDetail.Totals : SalesDetail.TotalsOnly, r.Detail));
    }

    [Fact]
    public void Reads_EachPart_OnlyTheDatesItsCalculatorLooksAt()
    {
        Assert.Equal([(Back(7), SalesDetail.TotalsOnly)], SalesHistoryLoader.Reads(Plan, HistoryParts.LastWeekStores));
        Assert.All(SalesHistoryLoader.Reads(Plan, HistoryParts.StoreTrend), r => Assert.Equal(SalesDetail.TotalsOnly, r.Detail));
        Assert.Empty(SalesHistoryLoader.Reads(Plan, HistoryParts.Chain));
        Assert.Equal(Enumerable.Range(1, 27).Select(Back).Order(), SalesHistoryLoader.Reads(Plan, HistoryParts.StoreTrend).Select(r => r.Date).Order());

        var baseline = SalesHistoryLoader.Reads(Plan, HistoryParts.StoreBaseline | HistoryParts.Skus);
        Assert.Equal(Enumerable.Range(1, 8).Select(w => Back(7 * w)).Order(), baseline.Select(r => r.Date).Order());
        Assert.Equal(Plan.SkuDates.Order(), baseline.Where(r => r.Detail == SalesDetail.WithSkus).Select(r => r.Date).Order());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Builder_KeepStoreCategories_KeepsOrDropsTheCategoriesAndLastSaleHour(bool keep)
    {
        var store = new StoreDaySummary
        {
            StoreId = "store-0001", BusinessDate = Back(7), Currency = "USD", Totals = new SalesTotals(3, 4, 5, 60m, 1m),
            Hours = [new HourSales(9, 2, 3, 40m), new HourSales(17, 1, 1, 19m), new HourSales(18, 0, 0, -2m, 1, 1, 2m)], Categories = [new CategorySales("Coffee", 3, 4, 5, 60m, 1m)],
            PaymentMethods = [new PaymentMethodSales("card", 3, 59m)], Skus = [],
        };

        var history = new SalesHistoryBuilder(D) { KeepStoreCategories = keep }.AddStoreDays(Back(7), SalesDetail.Totals, [store]).Build();

        var kept = history.StoreDays(Back(7))["store-0001"];
        Assert.Equal(store.Totals, kept.Totals);
        Assert.Equal(keep ? 1 : 0, kept.Categories.Count);
        Assert.Equal(keep ? [new HourSales(17, 1, 1, 19m)] : [], kept.Hours); // the last hour with a sale, for the incomplete-day check
    }

    [Fact]
    public async Task LoadAsync_ChainKeptByTheRun_IsUsedInsteadOfTheSalesStore()
    {
        var sales = Substitute.For<ISalesStore>();
        sales.GetDayAsync(Arg.Any<DateOnly>(), Arg.Any<SalesDetail>(), Arg.Any<CancellationToken>()).Returns([]);
        var kept = new ChainHistory(Back(56), D, [ChainDay(Back(56), 56m), ChainDay(Back(1), 1m), ChainDay(D, 99m)]);

        var history = await new SalesHistoryLoader(sales).LoadAsync(D, HistoryParts.Chain, kept, CancellationToken.None);

        await sales.DidNotReceiveWithAnyArgs().GetChainHistoryAsync(default, default, default);
        Assert.Equal((56m, 1m), (history.ChainDay(Back(56))!.Totals.NetRevenue, history.ChainDay(Back(1))!.Totals.NetRevenue));
        Assert.Null(history.ChainDay(D)); // the analysed date is not history
    }

    [Fact]
    public async Task LoadAsync_NoChainKept_ReadsThePlansChainDaysFromTheSalesStore()
    {
        var sales = Substitute.For<ISalesStore>();
        sales.GetChainHistoryAsync(Back(56), Back(1), Arg.Any<CancellationToken>()).Returns([ChainDay(Back(3), 3m)]);

        var history = await new SalesHistoryLoader(sales).LoadAsync(D, HistoryParts.Chain, chain: null, CancellationToken.None);

        Assert.Equal(3m, history.ChainDay(Back(3))!.Totals.NetRevenue);
    }

    [Fact]
    public async Task LoadStoreCalendarAsync_ReadsTheSameWeekdaysAndTheDaysBeforeAtTotalsOnlyAndSumsTheChainsDaysFromThem()
    {
        var sales = Substitute.For<ISalesStore>();
        sales.GetDayAsync(Arg.Any<DateOnly>(), Arg.Any<SalesDetail>(), Arg.Any<CancellationToken>()).Returns([]);
        sales.GetDayAsync(Back(14), SalesDetail.TotalsOnly, Arg.Any<CancellationToken>())
            .Returns([StoreDay("store-1", Back(14), 10m), StoreDay("store-2", Back(14), 5m)]);

        var history = await new SalesHistoryLoader(sales).LoadStoreCalendarAsync(D, CancellationToken.None);

        await sales.DidNotReceiveWithAnyArgs().GetChainHistoryAsync(default, default, default);
        foreach (var date in Plan.BaselineDates.Union(Plan.StoreTrendDates))
        {
            await sales.Received(1).GetDayAsync(date, SalesDetail.TotalsOnly, Arg.Any<CancellationToken>());
        }

        Assert.Equal(32, sales.ReceivedCalls().Count());
        Assert.Equal((15m, 2), (history.ChainDay(Back(14))!.Totals.NetRevenue, history.ChainDay(Back(14))!.StoresTrading));
        Assert.Null(history.ChainDay(Back(7)));
        Assert.True(history.HasChainDate(Back(7)) && history.HasStoreDate(Back(7))); // loaded, without sales
        Assert.True(history.HasChainDate(Back(1)) && history.HasStoreDate(Back(1))); // the days before D too
        Assert.False(history.HasChainDate(Back(30)) || history.HasStoreDate(Back(30))); // not loaded: unknown
        Assert.Equal(["store-1", "store-2"], history.StoreDays(Back(14)).Keys.Order(StringComparer.Ordinal));
    }

    private static StoreDaySummary StoreDay(string store, DateOnly date, decimal net) => new()
    {
        StoreId = store, BusinessDate = date, Currency = "USD", Totals = new SalesTotals(1, 1, 1, net, 0m),
        Hours = [], Categories = [], PaymentMethods = [], Skus = [],
    };

    private static ChainDaySummary ChainDay(DateOnly date, decimal net) => new()
    {
        BusinessDate = date, StoresTrading = 1, Totals = new SalesTotals(1, 1, 1, net, 0m), Hours = [], Categories = [], PaymentMethods = [],
    };
}
