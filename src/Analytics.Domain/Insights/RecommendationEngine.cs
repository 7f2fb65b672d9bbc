using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Analytics.Domain.Metrics;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Insights;

/// <summary>
/// GenerateRecommendations, deterministic part: rules over the day's facts, each recommendation citing the exact
/// figures it rests on. The rules, in the order of <see cref="RecommendationKind"/>: an unusual order (verify it
/// first; priority from its incident); stores expected to trade without an upload (high); chain, store and category revenue movements
/// (priority from severity; a store surge is low); one per material <see cref="Incident"/>, from its revenue facet, so
/// one event is one recommendation and nothing is advised for a movement one order explains; usual sellers that sold
/// nothing (medium); a discount-rate jump of at least <see cref="DiscountJumpPoints"/> and
/// <see cref="DiscountJumpRelative"/> against the four-week rate (medium); stores declining and categories growing
/// by at least <see cref="TrendPercentPerDay"/> % a day (low). Pure.
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injected domain service; steps depend on the instance.")]
public sealed class RecommendationEngine
{
    /// <summary>Discount rate rise, in rate units (0.02 is 2 percentage points), for a discount review.</summary>
    public const decimal DiscountJumpPoints = 0.02m;

    /// <summary>Discount rate rise relative to the four-week rate (25 %) for a discount review.</summary>
    public const decimal DiscountJumpRelative = 0.25m;

    /// <summary>Deseasonalized 28-day slope, in percent of mean per day, for a trend recommendation.</summary>
    public const decimal TrendPercentPerDay = 1m;

    /// <summary>Missing SKUs cited in the restock recommendation.</summary>
    public const int RestockCited = 5;

    /// <summary>Recommendations from the day's facts. Null <paramref name="anomalies"/> or <paramref name="trends"/> (their
    /// step failed) leave out the recommendations that rest on them.</summary>
    public IReadOnlyList<Recommendation> Recommend(CompanyMetrics company, ProductMetrics products, AnomalyReport? anomalies, TrendReport? trends)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(products);
        List<(Recommendation Item, decimal Stake)> found = [.. FromAnomalies(anomalies)];
        var explainedByOrders = OrderSubjects(anomalies);

        // A store-day that ended hours early has not sold its usual sellers yet: no stock-out is read into it.
        HashSet<string> cutShort = [.. (anomalies?.IncompleteDays ?? []).Select(d => d.StoreId)];
        if (products.MissingSkus.Where(m => !cutShort.Contains(m.StoreId)).ToList() is { Count: > 0 } missing)
        {
            found.Add(Restock(missing, products.MissingSkuCount - (products.MissingSkus.Count - missing.Count)));
        }

        if (Discounting(company) is { } discount)
        {
            found.Add(discount);
        }

        found.AddRange((trends?.DecliningStores ?? []).Where(t => t.SlopePercent <= -TrendPercentPerDay).Select(t => Trend(
            RecommendationKind.ReviewStoreDecline, FactSubject.Store, t, $"Review the decline of store {t.Id}",
            $"Revenue at store {t.Id} is falling {ReportFormat.Share(-t.SlopePercent)} a day over 28 days (weekday pattern removed): review staffing, local competition and stock.")));
        found.AddRange((trends?.GrowingCategories ?? []).Where(t => t.SlopePercent >= TrendPercentPerDay && !explainedByOrders.Contains(t.Id)).Select(t => Trend(
            RecommendationKind.PlanCategoryGrowth, FactSubject.Category, t, $"Plan for the growth of {t.Id}",
            $"{t.Id} is growing {ReportFormat.Share(t.SlopePercent)} a day over 28 days (weekday pattern removed): raise orders and shelf space ahead of demand.")));

        return
        [
            .. found.OrderByDescending(f => f.Item.Priority).ThenByDescending(f => f.Stake).ThenBy(f => f.Item.Kind)
                .ThenBy(f => f.Item.SubjectId, StringComparer.Ordinal)
                .Select((f, i) => f.Item with { Rank = i + 1 }),
        ];
    }

    /// <summary>One recommendation per material incident; each revenue anomaly of a report without incidents (written
    /// before they existed).</summary>
    private static IEnumerable<(Recommendation, decimal)> FromAnomalies(AnomalyReport? report)
    {
        if (report?.Incidents is not { } incidents)
        {
            foreach (var anomaly in (report?.Anomalies ?? []).Where(a => a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.NoSales))
            {
                if (FromAnomaly(anomaly, anomaly.Severity) is { } item)
                {
                    yield return (item, Math.Abs(anomaly.Value - anomaly.Median));
                }
            }

            yield break;
        }

        foreach (var incident in incidents.Where(i => i.Material))
        {
            if (incident.Order is { } order)
            {
                yield return (VerifyOrder(incident, order), incident.Impact);
            }
            else if (incident.Facets.FirstOrDefault(a => a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.NoSales) is { } revenue
                     && FromAnomaly(revenue, incident.Severity) is { } item)
            {
                yield return (item, incident.Impact);
            }
        }
    }

    /// <summary>The categories an unusual order moved today: no growth is planned on them.</summary>
    private static HashSet<string> OrderSubjects(AnomalyReport? report) =>
    [
        .. (report?.Incidents ?? []).Where(i => i.Order is not null)
            .SelectMany(i => i.Facets.Where(a => a.Subject == AnomalySubject.Category).Select(a => a.SubjectId).Append(i.Order!.Receipt.TopLine.Category)),
    ];

    private static Recommendation VerifyOrder(Incident incident, UnusualOrder order)
    {
        var receipt = order.Receipt;
        var line = receipt.TopLine;
        List<RecommendationFact> facts =
        [
            new(FactSubject.Store, order.StoreId, "OrderAmount", receipt.Amount),
            new(FactSubject.Store, order.StoreId, "OrderShareOfChainDay", order.ShareOfChainDay),
            new(FactSubject.Store, order.StoreId, "OrderShareOfStoreDay", order.ShareOfStoreDay),
            new(FactSubject.Store, order.StoreId, "UsualNetRevenue", order.UsualStoreDay),
            new(FactSubject.Sku, line.Sku, "OrderUnits", line.Quantity),
            new(FactSubject.Sku, line.Sku, "UnitPrice", line.UnitPrice),
            new(FactSubject.Sku, line.Sku, "LineAmount", line.Amount),
        ];
        var moved = incident.Facets.Count == 0 ? "" : $" Without it, {ReportWords.FacetList(incident.Facets)} would be ordinary.";
        return new Recommendation(0, incident.Severity == AnomalySeverity.High ? RecommendationPriority.High : RecommendationPriority.Medium,
            RecommendationKind.VerifyUnusualOrder, order.StoreId,
            $"Verify order {UntrustedText.Clean(receipt.Id, 64)} at store {order.StoreId} before acting on today's figures",
            $"One order at store {order.StoreId} at {receipt.Timestamp:HH:mm} ({UntrustedText.Clean(receipt.Id, 64)}) is {ReportFormat.Amount(receipt.Amount)}, "
            + $"{ReportFormat.Rate(order.ShareOfChainDay)} of the chain's day"
            + (order.UsualStoreDay > 0m ? $" against a usual {ReportFormat.Amount(order.UsualStoreDay)} a day at the store" : "")
            + $": {ReportFormat.Count(line.Quantity)} × {line.Sku} ({UntrustedText.Clean(line.Name, 64)}) at {ReportFormat.Exact(line.UnitPrice)}.{moved} "
            + "Confirm it with the store (a keying error or a cancelled order changes the day) before restocking or planning on it.",
            facts);
    }

    private static Recommendation? FromAnomaly(Anomaly a, AnomalySeverity severity)
    {
        var subject = a.Subject switch { AnomalySubject.Store => FactSubject.Store, AnomalySubject.Category => FactSubject.Category, _ => FactSubject.Chain };
        List<RecommendationFact> facts =
        [
            new(subject, a.SubjectId, "NetRevenue", a.Value),
            new(subject, a.SubjectId, "Median", a.Median),
            new(subject, a.SubjectId, "ExpectedLow", a.ExpectedLow),
            new(subject, a.SubjectId, "ExpectedHigh", a.ExpectedHigh),
        ];
        if (a.PercentChange is { } percent)
        {
            facts.Add(new(subject, a.SubjectId, "PercentChange", percent));
        }

        facts.AddRange(a.Contributors.Select(c => new RecommendationFact(
            c.Kind switch { ContributorKind.Store => FactSubject.Store, ContributorKind.Category => FactSubject.Category, _ => FactSubject.Sku },
            c.Id, "Deviation", c.Deviation)));
        var priority = severity == AnomalySeverity.High ? RecommendationPriority.High : RecommendationPriority.Medium;
        var up = a.Value > a.Median;
        var change = $"{ReportFormat.AnomalyAmount(a.Metric, a.Value)} against a usual {ReportFormat.AnomalyAmount(a.Metric, a.Median)} ({ReportFormat.Percent(a.PercentChange)})";
        var named = string.Join(", ", a.Contributors.Select(c => c.Id));
        return (a.Subject, a.Metric, up) switch
        {
            (AnomalySubject.Store, AnomalyMetric.NoSales, _) => new(0, RecommendationPriority.High, RecommendationKind.ConfirmStoreTrading, a.SubjectId,
                $"Confirm store {a.SubjectId} traded", $"No upload has arrived from store {a.SubjectId}, which usually sells {ReportFormat.Amount(a.Median)} on this weekday: check whether it was closed or its upload failed.", facts),
            (AnomalySubject.Chain, _, _) => new(0, priority, RecommendationKind.ChainRevenueShift, a.SubjectId,
                up ? "Chain revenue is unusually high" : "Chain revenue is unusually low", $"Chain revenue was {change}; start with {named}.", facts),
            (AnomalySubject.Store, _, false) => new(0, priority, RecommendationKind.InvestigateStoreDrop, a.SubjectId,
                $"Investigate the revenue drop at store {a.SubjectId}", $"Store {a.SubjectId} sold {change}; the fall is mostly in {named}: check opening hours, staffing, tills and stock.", facts),
            (AnomalySubject.Store, _, true) => new(0, RecommendationPriority.Low, RecommendationKind.LearnFromStoreSurge, a.SubjectId,
                $"Learn from the surge at store {a.SubjectId}", $"Store {a.SubjectId} sold {change}, led by {named}: find out what worked and check stock can keep up.", facts),
            (AnomalySubject.Category, _, true) => new(0, priority, RecommendationKind.LeanIntoCategorySurge, a.SubjectId,
                $"Lean into the surge in {a.SubjectId}", $"{a.SubjectId} sold {change}, led by {named}: secure stock of the leading SKUs and give them visibility.", facts),
            (AnomalySubject.Category, _, false) => new(0, priority, RecommendationKind.InvestigateCategoryDrop, a.SubjectId,
                $"Investigate the decline of {a.SubjectId}", $"{a.SubjectId} sold {change}, mostly at {named}: check availability, pricing and competing promotions.", facts),
            _ => null,
        };
    }

    /// <param name="missing">The listed missing SKUs of stores whose day is complete.</param>
    /// <param name="count">How many SKUs are missing in all at those stores.</param>
    private static (Recommendation, decimal) Restock(List<MissingSku> missing, int count)
    {
        var cited = missing.Take(RestockCited).ToList();
        List<RecommendationFact> facts = [];
        foreach (var m in cited)
        {
            facts.Add(new(FactSubject.Store, m.StoreId, "MissingSku", 0m));
            facts.Add(new(FactSubject.Sku, m.Sku, "AverageUnits", m.AverageUnits));
            facts.Add(new(FactSubject.Sku, m.Sku, "AverageNetRevenue", m.AverageNetRevenue));
        }

        var stake = missing.Sum(m => m.AverageNetRevenue);
        var list = string.Join("; ", cited.Select(m => $"{m.Sku} at store {m.StoreId} (usually {ReportFormat.Quantity(m.AverageUnits)} units, {ReportFormat.Amount(m.AverageNetRevenue)})"));
        return (new Recommendation(0, RecommendationPriority.Medium, RecommendationKind.RestockUsualSellers, cited[0].StoreId,
                                   $"Check stock of {ReportFormat.Integer(count)} usual sellers that sold nothing",
                                   $"These SKUs sold on each of the last {cited[0].DaysChecked} same weekdays but not today: {list}. Check shelves and replenish.",
                                   facts), stake);
    }

    private static (Recommendation, decimal)? Discounting(CompanyMetrics company)
    {
        var rate = company.Figure(KeyMetric.DiscountRate).Against(ComparisonBaseline.FourWeekSameWeekdayMean);
        if (rate is null || rate.Change < DiscountJumpPoints || rate.BaselineValue == 0m || rate.Change / rate.BaselineValue < DiscountJumpRelative)
        {
            return null;
        }

        List<RecommendationFact> facts =
        [
            new(FactSubject.Chain, Anomaly.ChainId, "DiscountRate", rate.Value),
            new(FactSubject.Chain, Anomaly.ChainId, "FourWeekDiscountRate", rate.BaselineValue),
            new(FactSubject.Chain, Anomaly.ChainId, "Discounts", company.Totals.Discounts),
        ];
        return (new Recommendation(0, RecommendationPriority.Medium, RecommendationKind.ReviewDiscounting, Anomaly.ChainId, "Review discounting",
                                   $"The discount rate was {ReportFormat.Rate(rate.Value)} against {ReportFormat.Rate(rate.BaselineValue)} over the last four same weekdays ({ReportFormat.Amount(company.Totals.Discounts)} in discounts): check which promotions ran and whether they paid.",
                                   facts), company.Totals.Discounts);
    }

    private static (Recommendation, decimal) Trend(RecommendationKind kind, FactSubject subject, EntityTrend t, string title, FormattableString action) =>
        (new Recommendation(0, RecommendationPriority.Low, kind, t.Id, title, Text(action),
                            [new(subject, t.Id, "SlopePercent", t.SlopePercent), new(subject, t.Id, "SlopePerDay", t.SlopePerDay),
                             new(subject, t.Id, "MeanDailyRevenue", t.MeanDailyRevenue)]),
         Math.Abs(t.SlopePerDay) * TrendAnalyzer.LongWindow);

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
