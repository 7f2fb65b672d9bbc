using Analytics.Domain.Insights;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Insights;

/// <summary>Drops are found on the real retailer: its big store (85 % of revenue) losing half its sales on an ordinary
/// day is reported, whatever its small, erratic peers do (issue 14, item 9).</summary>
public sealed class AnomalyDetectorOnlineRetailTests(ITestOutputHelper output)
{
    private const string BigStore = "store-uk";

    [SharedDataFact]
    public async Task Detect_BigStoreLosesHalfItsSalesOnOrdinaryDays_ADropIsReportedOnNearlyAllAndRarelyWithoutTheLoss()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var detector = new AnomalyDetector();
        var (days, found, unaltered) = (0, 0, 0);
        for (var date = new DateOnly(2011, 3, 1); date <= new DateOnly(2011, 11, 30); date = date.AddDays(1))
        {
            var today = data.On(date);
            if (!today.Any(s => s.StoreId == BigStore))
            {
                continue;
            }

            days++;
            var history = data.BaselineHistory(date);
            found += ReportsDrop(detector.Detect(date, [.. today.Select(s => s.StoreId == BigStore ? StoreDayCuts.Halved(s) : s)], history)) ? 1 : 0;
            unaltered += ReportsDrop(detector.Detect(date, today, history)) ? 1 : 0;
        }

        output.WriteLine($"{BigStore} at half its sales: a drop reported on {found} of {days} trading days; on {unaltered} as it traded");
        // Measured: 4 of 229 while the small stores' pooled spread floored the big store's (blind to a halving), 119
        // once the floor narrowed for a store larger than its peers, 136 with the joint revenue-and-transactions drop,
        // 210 with the volume drop against the recent level. The days it traded as it did have a drop on 18: its
        // transactions vary by about a quarter from day to day, so a day a third below its level is rare, not unheard of.
        Assert.True(days > 150, $"{days} days");
        Assert.True(found >= days * 0.9m, $"a drop reported on {found} of {days} days");
        Assert.True(unaltered <= days * 0.1m, $"a drop reported on {unaltered} of {days} days as the store traded");
    }

    private static bool ReportsDrop(AnomalyReport report) =>
        report.Anomalies.Any(a => a.Subject == AnomalySubject.Store && a.SubjectId == BigStore && a.Value < a.Median
                                  && a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions);
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
