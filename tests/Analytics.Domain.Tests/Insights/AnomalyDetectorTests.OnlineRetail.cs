using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Drops are found on the real retailer: its big store (85 % of revenue) losing half its sales on an ordinary
/// day is reported, whatever its small, erratic peers do (issue 14, item 9).</summary>
public sealed class AnomalyDetectorOnlineRetailTests(ITestOutputHelper output)
{
    private const string BigStore = "store-uk";

    [SharedDataFact]
    public async Task Detect_BigStoreLosesHalfItsSalesOnOrdinaryDays_ADropIsReportedOnNearlyAll()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var detector = new AnomalyDetector();
        var (days, found) = (0, 0);
        for (var date = new DateOnly(2011, 3, 1); date <= new DateOnly(2011, 11, 30); date = date.AddDays(1))
        {
            var today = data.On(date);
            if (!today.Any(s => s.StoreId == BigStore))
            {
                continue;
            }

            days++;
            var report = detector.Detect(date, [.. today.Select(s => s.StoreId == BigStore ? Halved(s) : s)], data.BaselineHistory(date));
            if (report.Anomalies.Any(a => a.Subject == AnomalySubject.Store && a.SubjectId == BigStore && a.Value < a.Median
                                          && a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions))
            {
                found++;
            }
        }

        output.WriteLine($"{BigStore} at half its sales: a drop reported on {found} of {days} trading days");
        // Issue 14's goal is nearly all. Measured: 4 of 229 while the small stores' pooled spread floored the big
        // store's (blind to a halving), 119 of 229 since the floor narrows for a store larger than its peers, 136 of 229
        // with the joint revenue-and-transactions drop; this holds that gain until the rest of the goal is reached.
        Assert.True(days > 150, $"{days} days");
        Assert.True(found >= days * 0.55m, $"a drop reported on {found} of {days} days");
    }

    /// <summary>The store-day with every other transaction removed: half its transactions, units, lines and amounts.</summary>
    private static StoreDaySummary Halved(StoreDaySummary day) => day with
    {
        Totals = day.Totals with
        {
            Transactions = day.Totals.Transactions / 2, Units = day.Totals.Units / 2, Lines = day.Totals.Lines / 2,
            GrossSales = day.Totals.GrossSales / 2, Discounts = day.Totals.Discounts / 2,
        },
        Categories = [.. day.Categories.Select(c => c with
        {
            Transactions = c.Transactions / 2, Units = c.Units / 2, Lines = c.Lines / 2, GrossSales = c.GrossSales / 2, Discounts = c.Discounts / 2,
        })],
    };
}

/// <summary>The real data set's one-order days lead with that order, and it claims every figure it moved (issue 14,
/// item 3).</summary>
public sealed class IncidentOnlineRetailTests
{
    [SharedDataTheory]
    [InlineData("2011-01-18", "541431", "23166")]
    [InlineData("2011-06-10", "556444", "22502")]
    [InlineData("2011-12-09", "581483", "23843")]
    public async Task Detect_OneOrderDay_LeadsWithThatOrderAndItsSku(string day, string transactionId, string sku)
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var report = new AnomalyDetector().Detect(date, data.On(date), data.BaselineHistory(date));

        var first = report.Incidents![0];
        Assert.Equal((IncidentCause.Order, transactionId, sku, AnomalySeverity.High),
                     (first.Cause, first.CauseId, first.Order!.Receipt.TopLine.Sku, first.Severity));
        Assert.True(first.Order.ShareOfChainDay >= 0.5m, $"{first.Order.ShareOfChainDay}");
        // Nothing else reports a surge of the order's store or its SKU's category: those movements are the order's.
        Assert.DoesNotContain(report.Incidents.Skip(1), i => i.Facets.Any(a => a.Value > a.Median
            && (a.SubjectId == first.Order.StoreId || a.SubjectId == first.Order.Receipt.TopLine.Category)));
    }

    [SharedDataFact]
    public async Task Detect_StoreEireOn20110731_IsCheckedAgainstItsRecentDaysAndItsOrderClaimsTheSurge()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var date = new DateOnly(2011, 7, 31);

        var report = new AnomalyDetector().Detect(date, data.On(date), data.BaselineHistory(date));

        var order = Assert.Single(report.Incidents!, i => i.Order?.StoreId == "store-eire");
        var surge = Assert.Single(order.Facets, a => a is { Subject: AnomalySubject.Store, SubjectId: "store-eire", Metric: AnomalyMetric.NetRevenue });
        Assert.True(surge.Value > 10 * surge.Median, $"{surge.Value} vs {surge.Median}");
    }

    [SharedDataFact]
    public async Task Detect_OnlineRetailYear_NoNoSalesFindingForTheIntermittentStoreEire()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var detector = new AnomalyDetector();
        List<DateOnly> found = [];
        for (var date = new DateOnly(2011, 2, 1); date <= new DateOnly(2011, 12, 9); date = date.AddDays(1))
        {
            if (data.On(date).Count > 0
                && detector.Detect(date, data.On(date), data.BaselineHistory(date)).Anomalies
                    .Any(a => a is { Metric: AnomalyMetric.NoSales, SubjectId: "store-eire" }))
            {
                found.Add(date);
            }
        }

        // Measured: 64 before intermittent stores were modelled, 2 while only same weekdays were, none since.
        Assert.Empty(found);
    }
}
