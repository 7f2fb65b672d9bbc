using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>The words the text and the HTML report share for the enums of the insights.</summary>
internal static class ReportWords
{
    public static string Figure(KeyMetric metric) => metric switch
    {
        KeyMetric.NetRevenue => "Net revenue",
        KeyMetric.Transactions => "Transactions",
        KeyMetric.Units => "Units sold",
        KeyMetric.AverageBasket => "Average basket",
        KeyMetric.DiscountRate => "Discount rate",
        KeyMetric.NetSales => "Sales",
        KeyMetric.Returns => "Returns",
        KeyMetric.ReturnRate => "Return rate",
        _ => metric.ToString(),
    };

    public static string Baseline(ComparisonBaseline baseline, DateOnly date) => baseline switch
    {
        ComparisonBaseline.PreviousDay => "vs previous day",
        ComparisonBaseline.SameWeekdayLastWeek => $"vs last {date.DayOfWeek}",
        ComparisonBaseline.FourWeekSameWeekdayMean => $"vs 4-{date.DayOfWeek} average",
        _ => baseline.ToString(),
    };

    public static string Metric(AnomalyMetric metric) => metric switch
    {
        AnomalyMetric.NetRevenue => "net revenue",
        AnomalyMetric.Transactions => "transactions",
        AnomalyMetric.AverageBasket => "average basket",
        // A store cannot upload an empty day (empty_store_day): a store expected to trade without a day has not uploaded
        // (or withdrew its day, which the stored data cannot tell apart).
        AnomalyMetric.NoSales => "no upload yet",
        AnomalyMetric.ReturnRate => "return rate",
        _ => metric.ToString(),
    };

    public static string Severity(AnomalySeverity severity) => severity switch
    {
        AnomalySeverity.High => "high",
        AnomalySeverity.Medium => "medium",
        _ => "low",
    };

    /// <summary>An incident's facets in words: "the chain's average basket, store s-1's net revenue and Toys' net revenue".</summary>
    public static string FacetList(IReadOnlyList<Anomaly> facets)
    {
        var named = facets.Select(a => a.Subject switch
        {
            AnomalySubject.Chain => $"the chain's {Metric(a.Metric)}",
            AnomalySubject.Store => $"store {a.SubjectId}'s {Metric(a.Metric)}",
            _ => $"{a.SubjectId}'s {Metric(a.Metric)}",
        }).ToList();
        return named.Count <= 1 ? string.Concat(named) : string.Join(", ", named[..^1]) + " and " + named[^1];
    }

    /// <summary>Whether the figure is above its baseline (a surge) or below it (a drop; also a store without sales).</summary>
    public static bool IsSurge(Anomaly anomaly) => anomaly.Metric != AnomalyMetric.NoSales && anomaly.Value > anomaly.Median;

    public static string Direction(Anomaly anomaly) => IsSurge(anomaly) ? "surge" : "drop";

    public static string Subject(AnomalySubject subject) => subject switch
    {
        AnomalySubject.Chain => "Chain",
        AnomalySubject.Store => "Store",
        AnomalySubject.Category => "Category",
        _ => subject.ToString(),
    };

    public static string Contributor(ContributorKind kind) => kind switch
    {
        ContributorKind.Store => "store",
        ContributorKind.Category => "category",
        ContributorKind.Sku => "SKU",
        _ => kind.ToString(),
    };

    public static string Priority(RecommendationPriority priority) => priority switch
    {
        RecommendationPriority.High => "high",
        RecommendationPriority.Medium => "medium",
        _ => "low",
    };

    public static string FactSubject(FactSubject subject) => subject switch
    {
        Insights.FactSubject.Chain => "chain",
        Insights.FactSubject.Store => "store",
        Insights.FactSubject.Category => "category",
        Insights.FactSubject.Sku => "SKU",
        _ => subject.ToString(),
    };

    /// <summary>Facts in their order, runs about the same subject grouped, so each subject is named once.</summary>
    public static IEnumerable<(FactSubject Subject, string SubjectId, List<RecommendationFact> Facts)> GroupFacts(IEnumerable<RecommendationFact> facts)
    {
        (FactSubject Subject, string SubjectId, List<RecommendationFact> Facts)? run = null;
        foreach (var fact in facts)
        {
            if (run is { } current && current.Subject == fact.Subject && current.SubjectId == fact.SubjectId)
            {
                current.Facts.Add(fact);
                continue;
            }

            if (run is { } done)
            {
                yield return done;
            }

            run = (fact.Subject, fact.SubjectId, [fact]);
        }

        if (run is { } last)
        {
            yield return last;
        }
    }

    /// <summary>Who wrote a part's findings: statistics alone or a model ranking and explaining them.</summary>
    public static string Source(string? source) => source == PartStatus.Model ? "AI model" : "statistics";
}
