using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Insights;

/// <summary>
/// Loss-prevention findings on generated store-days: store S1 sells 100 units of A at 10.00 every day (a usual day of
/// 1,000.00 net sales, the chain's too), and D (a Wednesday) adds what each case plants: a large sale and its refund,
/// or refunds of one SKU. Receipts are planted as the reader keeps them (<see cref="StoreDaySummary.LargestSales"/>,
/// <see cref="StoreDaySummary.LargestReturns"/>), with their lines in the store-day's SKUs.
/// </summary>
public sealed class LossPreventionFinderTests
{
    private static readonly DateOnly D = new(2025, 6, 18);
    private static readonly Line Usual = new("A", "Food", 100, 10m);

    private static readonly SalesHistory History =
        SalesData.History(D, d => [SalesData.StoreDay("S1", d, 100, Usual)]);

    [Fact]
    public void Find_ALargeSaleRefundedTwelveMinutesLater_IsAHighSameDayVoid()
    {
        var day = Day([Sale("T-9", "09:15", "X", 50, 10m)], [Refund("R-1", "09:27", "X", 50, 10m)], new Line("X", "Toys", 50, 10m, Returned: 50));

        var finding = Assert.Single(LossPreventionFinder.Find([day], History));

        Assert.Equal(LossFindingKind.SameDayVoid, finding.Kind);
        Assert.Equal(("S1", "X", 500m, 50L), (finding.StoreId, finding.Sku, finding.AtStake, finding.Units));
        Assert.Equal(("T-9", "R-1"), (finding.Sale!.Id, finding.Refund!.Id));
        Assert.Equal(12, finding.MinutesToRefund);
        Assert.Equal(1000m, finding.UsualStoreDay);
        Assert.Equal(AnomalySeverity.High, finding.Severity);
        Assert.Equal(1m, finding.ShareOfStoreRefunds);
        Assert.Contains("sale T-9 at 09:15 of 500.00", finding.Describe(), StringComparison.Ordinal);
        Assert.Contains("refunded at 09:27 (return R-1, 500.00), 12 minutes later", finding.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void Find_MostOfALargeSaleRefundedWithItsTopSku_IsAVoid_MediumBelowHalfTheUsualDay()
    {
        // 30 × 10.00 + 1 × 20.00 sold; the 30 refunded without the odd line: 300 of 320 is 94 %.
        var sale = Sale("T-9", "14:00", "X", 30, 10m) with { Amount = 320m, Units = 31, Lines = 2 };
        var day = Day([sale], [Refund("R-1", "14:59", "X", 30, 10m)], new Line("X", "Toys", 30, 10m, Returned: 30), new Line("Y", "Toys", 1, 20m));

        var finding = Assert.Single(LossPreventionFinder.Find([day], History));

        Assert.Equal((LossFindingKind.SameDayVoid, AnomalySeverity.Medium, 300m), (finding.Kind, finding.Severity, finding.AtStake));
    }

    [Theory]
    [InlineData("10:16", "X", 50, 500, "an hour and a minute after the sale")]
    [InlineData("09:14", "X", 50, 500, "before the sale")]
    [InlineData("09:27", "Z", 50, 500, "another top SKU")]
    [InlineData("09:27", "X", 40, 400, "80 % of the sale")]
    public void Find_ARefundThatIsNotTheSalesVoid_IsNoVoid(string at, string sku, long quantity, decimal amount, string why)
    {
        var refund = Refund("R-1", at, sku, quantity, amount / quantity);
        Line[] lines = sku == "X" ? [new Line("X", "Toys", 50, 10m, Returned: quantity)] : [new Line("X", "Toys", 50, 10m), new Line(sku, "Toys", 0, 10m, Returned: quantity)];
        var day = Day([Sale("T-9", "09:15", "X", 50, 10m)], [refund], lines);

        Assert.DoesNotContain(LossPreventionFinder.Find([day], History), f => f.Kind == LossFindingKind.SameDayVoid);
        Assert.NotNull(why);
    }

    [Fact]
    public void Find_ASmallSaleVoided_IsTillRoutine_NoFinding()
    {
        // 99.00 is below 10 % of the store's usual 1,000.00.
        var day = Day([Sale("T-9", "09:15", "X", 9, 11m)], [Refund("R-1", "09:20", "X", 9, 11m)], new Line("X", "Toys", 9, 11m, Returned: 9));

        Assert.Empty(LossPreventionFinder.Find([day], History));
    }

    [Fact]
    public void Find_TwoRefundsOfOneSale_OneVoid()
    {
        var day = Day([Sale("T-9", "09:15", "X", 50, 10m)], [Refund("R-1", "09:27", "X", 50, 10m), Refund("R-2", "09:40", "X", 50, 10m)],
                      new Line("X", "Toys", 50, 10m, Returned: 100));

        Assert.Single(LossPreventionFinder.Find([day], History), f => f.Kind == LossFindingKind.SameDayVoid);
    }

    [Fact]
    public void Find_OneSkuIsMostOfTheStoresRefunds_ASkuReturnsFinding_HighFromAQuarterOfTheChainsDay()
    {
        var medium = Day([], [], new Line("X", "Toys", 0, 10m, Returned: 20), new Line("Y", "Toys", 0, 10m, Returned: 2));
        var high = Day([], [], new Line("X", "Toys", 0, 10m, Returned: 25));

        var finding = Assert.Single(LossPreventionFinder.Find([medium], History));
        Assert.Equal((LossFindingKind.SkuReturns, "X", 20L, 200m, AnomalySeverity.Medium), (finding.Kind, finding.Sku, finding.Units, finding.AtStake, finding.Severity));
        Assert.Equal(0.9091m, finding.ShareOfStoreRefunds);
        Assert.Equal(0L, finding.UsualUnitsSold);
        Assert.Equal((0m, null), (finding.UsualRefunds, finding.UsualReturnRate)); // never refunded, and never sold, at S1
        Assert.Equal(AnomalySeverity.High, Assert.Single(LossPreventionFinder.Find([high], History)).Severity);
    }

    [Theory]
    [InlineData(40, null)]
    [InlineData(59, null)]
    [InlineData(60, AnomalySeverity.High)]
    public void Find_ASkuTheStoreRefundsEveryWeek_IsAFindingOnlyFromThreeTimesItsUsualRefunds(long unitsToday, AnomalySeverity? expected)
    {
        // Every same weekday S1 sells 100 units of X at 10.00 and takes 20 back: 200.00 of refunds a week, a return
        // rate of 20 % (200.00 of 1,000.00 net sales). Today's refunds are a finding from 600.00.
        var history = SalesData.History(D, d => [SalesData.StoreDay("S1", d, 100, Usual, new Line("X", "Toys", 100, 10m, Returned: 20))]);
        var day = Day([], [], new Line("X", "Toys", 0, 10m, Returned: unitsToday));

        var finding = LossPreventionFinder.Find([day], history).SingleOrDefault(f => f.Kind == LossFindingKind.SkuReturns);

        Assert.Equal(expected, finding?.Severity);
        if (finding is not null)
        {
            Assert.Equal((200.00m, 0.2m), (finding.UsualRefunds, finding.UsualReturnRate));
            Assert.Contains("; usually 200.00 a day at the store (20.0 % of its sales)", finding.Describe(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(9, 20, 0, "nine units")]
    [InlineData(10, 4, 0, "40.00, below 5 % of the chain's usual day")]
    [InlineData(20, 10, 20, "another SKU refunds a little more: X is 49.98 % of the store's refunds")]
    public void Find_RefundsOfASkuThatAreNotMaterialOrNotConcentrated_NoFinding(long units, decimal unitPrice, long otherUnits, string why)
    {
        var day = Day([], [], new Line("X", "Toys", 0, unitPrice, Returned: units), new Line("Y", "Toys", 0, 10.01m, Returned: otherUnits));

        Assert.DoesNotContain(LossPreventionFinder.Find([day], History), f => f.Sku == "X");
        Assert.NotNull(why);
    }

    [Fact]
    public void Find_TheVoidedSalesSkuRefunds_AreTheVoidsFindingNotASkuFinding()
    {
        var day = Day([Sale("T-9", "09:15", "X", 50, 10m)], [Refund("R-1", "09:27", "X", 50, 10m)], new Line("X", "Toys", 50, 10m, Returned: 60));

        var findings = LossPreventionFinder.Find([day], History);

        Assert.Equal([LossFindingKind.SameDayVoid], findings.Select(f => f.Kind));
    }

    [Theory]
    [InlineData(10, 3, 300, AnomalySeverity.Medium)]
    [InlineData(20, 3, 600, AnomalySeverity.High)]
    public void Find_RefundsThatNameNoSale_AFifthOfTheUsualDayInThreeReturns_AreAFinding(long unitsEach, int refunds, decimal amount, AnomalySeverity severity)
    {
        // Three SKUs refunded alike, so no one SKU is most of the refunds.
        var day = WithoutOriginal(Day([], [], new Line("X", "Toys", 0, 10m, Returned: unitsEach), new Line("Y", "Toys", 0, 10m, Returned: unitsEach),
                                      new Line("Z", "Toys", 0, 10m, Returned: unitsEach)), refunds, amount);

        var finding = Assert.Single(LossPreventionFinder.Find([day], History));

        Assert.Equal((LossFindingKind.RefundsWithoutSale, amount, refunds, severity, 1m),
                     (finding.Kind, finding.AtStake, finding.Refunds, finding.Severity, finding.ShareOfStoreRefunds));
        Assert.Null(finding.Sku);
        Assert.StartsWith($"S1: {refunds} refunds of {amount:N2} name no original sale", finding.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0, "every refund names its sale")]
    [InlineData(3, 199.99, "below a fifth of the usual day")]
    [InlineData(2, 300, "two returns")]
    public void Find_RefundsWithoutASaleThatAreFewOrSmall_NoFinding(int refunds, decimal amount, string why)
    {
        var day = WithoutOriginal(Day([], [], new Line("X", "Toys", 0, 10m, Returned: 10), new Line("Y", "Toys", 0, 10m, Returned: 10),
                                      new Line("Z", "Toys", 0, 10m, Returned: 10)), refunds, amount);

        Assert.Empty(LossPreventionFinder.Find([day], History));
        Assert.NotNull(why);
    }

    [Fact]
    public void Find_AVoidThatNamesNoSale_IsTheVoidOnly_NotARefundWithoutASale()
    {
        var day = WithoutOriginal(Day([Sale("T-9", "09:15", "X", 50, 10m)], [Refund("R-1", "09:27", "X", 50, 10m)],
                                      new Line("X", "Toys", 50, 10m, Returned: 50), new Line("Y", "Toys", 0, 10m, Returned: 15)), 4, 650m);

        Assert.Equal([LossFindingKind.SameDayVoid], LossPreventionFinder.Find([day], History).Select(f => f.Kind));
    }

    [Fact]
    public void Find_ADayOfRefundsOnlyAtAStoreWithoutHistory_IsNotJudged()
    {
        var day = WithoutOriginal(SalesData.StoreDay("S2", D, 0, new Line("X", "Toys", 0, 10m, Returned: 3), new Line("Y", "Toys", 0, 10m, Returned: 3)), 6, 60m);

        Assert.Empty(LossPreventionFinder.Find([day], History));
    }

    [Fact]
    public void Detect_TheAnomalyReportCarriesTheFindings()
    {
        var day = Day([Sale("T-9", "09:15", "X", 50, 10m)], [Refund("R-1", "09:27", "X", 50, 10m)], new Line("X", "Toys", 50, 10m, Returned: 50));

        var report = new AnomalyDetector().Detect(D, [day], History);

        Assert.Equal("T-9", Assert.Single(report.LossFindings!).Sale!.Id);
    }

    private static StoreDaySummary WithoutOriginal(StoreDaySummary day, int refunds, decimal amount) =>
        day with { ReturnTransactionsWithoutOriginal = refunds, ReturnsWithoutOriginal = amount };

    /// <summary>S1's usual day plus <paramref name="lines"/>, with the receipts planted.</summary>
    private static StoreDaySummary Day(IReadOnlyList<ReceiptSummary> sales, IReadOnlyList<ReceiptSummary> returns, params Line[] lines) =>
        SalesData.StoreDay("S1", D, 100 + sales.Count, [Usual, .. lines]) with { LargestSales = sales, LargestReturns = returns };

    private static ReceiptSummary Sale(string id, string at, string sku, long quantity, decimal unitPrice) =>
        Receipt(id, at, sku, quantity, unitPrice);

    private static ReceiptSummary Refund(string id, string at, string sku, long quantity, decimal unitPrice) =>
        Receipt(id, at, sku, quantity, unitPrice);

    private static ReceiptSummary Receipt(string id, string at, string sku, long quantity, decimal unitPrice)
    {
        var time = TimeOnly.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var amount = quantity * unitPrice;
        return new ReceiptSummary(id, new DateTimeOffset(D.ToDateTime(time), TimeSpan.FromHours(-4)), amount, quantity, 1,
                                  new ReceiptLine(sku, sku + " name", "Toys", quantity, unitPrice, amount), amount);
    }
}
