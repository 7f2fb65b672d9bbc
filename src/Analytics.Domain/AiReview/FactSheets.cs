using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.AiReview;

/// <summary>
/// Builds each AI step's <see cref="FactSheet"/> from its statistical result: at most <see cref="TopFindings"/> findings
/// with at most <see cref="TopParts"/> parts each, and uploaded names cut to <see cref="MaxNameLength"/> characters, so
/// the prompt has a bounded size at any chain size. Pure.
/// </summary>
public static class FactSheets
{
    public const int TopFindings = 10;
    public const int TopParts = 3;
    public const int MaxNameLength = 80;

    public const string AnomaliesTask =
        "Rank the anomalies by how much they matter to the chain's management, explain each in one paragraph from its " +
        "figures and contributors, and write a one-paragraph summary. Recommendations are optional.";

    public const string TrendsTask =
        "Rank the trends by how much they matter to the chain's management, explain each in one paragraph from its " +
        "figures, and write a one-paragraph summary. Recommendations are optional.";

    public const string RecommendationsTask =
        "Rank the recommendations by urgency and money at stake, explain each in one paragraph from the figures it " +
        "cites, write a one-paragraph summary, and give at most five recommendations of your own, each citing the fact " +
        "ids it rests on.";

    public static FactSheet Anomalies(AnomalyReport report, string currency)
    {
        ArgumentNullException.ThrowIfNull(report);
        var facts = report.Anomalies.Take(TopFindings).Select((a, i) =>
        {
            var id = $"A{i + 1}";
            List<PromptFigure> figures =
            [
                new("value", a.Value, Unit(a.Metric)),
                new("median", a.Median, Unit(a.Metric)),
                new("expectedLow", a.ExpectedLow, Unit(a.Metric)),
                new("expectedHigh", a.ExpectedHigh, Unit(a.Metric)),
                new("zScore", Score(a.ZScore), "score"),
                new("baselinePoints", a.BaselinePoints, "count"),
            ];
            if (a.PercentChange is { } change)
            {
                figures.Add(new("percentChange", change, "percent"));
            }

            var parts = a.Contributors.OrderByDescending(c => Math.Abs(c.Deviation)).Take(TopParts).Select((c, j) => new PromptFact(
                $"{id}.{j + 1}", Subject(c.Kind), Name(c.Id), "contributor: its figure on the day against its own median",
                [
                    new("value", c.Value, Unit(a.Metric)), new("median", c.Median, Unit(a.Metric)),
                    new("deviation", c.Deviation, Unit(a.Metric)), new("sharePercent", c.Share, "percent"),
                ])).ToList();
            return new PromptFact(id, Subject(a.Subject), Name(a.SubjectId),
                                  $"{Enum(a.Severity)} severity anomaly of {Enum(a.Metric)} against its same-weekday median",
                                  figures, parts);
        }).ToList();
        if (facts.Count > 0)
        {
            facts.Insert(0, new PromptFact("A0", "chain", Anomaly.ChainId, "scope of the anomaly search",
            [
                new("anomalies", report.Anomalies.Count, "count"),
                new("highSeverity", report.Anomalies.Count(a => a.Severity == AnomalySeverity.High), "count"),
                new("storesChecked", report.StoresChecked, "count"),
                new("categoriesChecked", report.CategoriesChecked, "count"),
                new("baselineWeeks", AnomalyDetector.BaselineWeeks, "count"),
            ]));
        }

        return new FactSheet(AnalysisSection.Anomalies, report.Date, currency, AnomaliesTask, facts);
    }

    public static FactSheet Trends(TrendReport report, string currency)
    {
        ArgumentNullException.ThrowIfNull(report);
        var chain = report.Chain;
        List<PromptFigure> chainFigures = [new("windowShortDays", 7, "days"), new("windowLongDays", TrendAnalyzer.LongWindow, "days")];
        Add(chainFigures, "slope7PerDay", chain.Slope7PerDay, "money/day");
        Add(chainFigures, "slope7Percent", chain.Slope7Percent, "percent");
        Add(chainFigures, "slope28PerDay", chain.Slope28PerDay, "money/day");
        Add(chainFigures, "slope28Percent", chain.Slope28Percent, "percent");
        Add(chainFigures, "weekOverWeekPerTradingDayPercent", chain.WeekOverWeek, "percent");
        Add(chainFigures, "monthOverMonthPerTradingDayPercent", chain.MonthOverMonth, "percent");
        List<PromptFact> facts = [new("T0", "chain", Anomaly.ChainId, "the chain's net revenue trend: slopes with the weekday pattern removed, growth of net revenue per trading day", chainFigures)];
        var ranked = report.GrowingStores.Select(t => (t, "growing store"))
            .Concat(report.DecliningStores.Select(t => (t, "declining store")))
            .Concat(report.GrowingCategories.Select(t => (t, "growing category")))
            .Concat(report.DecliningCategories.Select(t => (t, "declining category")))
            .OrderByDescending(x => Math.Abs(x.t.SlopePercent)).Take(TopFindings);
        facts.AddRange(ranked.Select((x, i) => new PromptFact($"T{i + 1}", Subject(x.t.Kind), Name(x.t.Id),
            $"{x.Item2}: deseasonalized {TrendAnalyzer.LongWindow}-day net revenue slope",
            [
                new("slopePerDay", x.t.SlopePerDay, "money/day"), new("slopePercentPerDay", x.t.SlopePercent, "percent"),
                new("meanDailyRevenue", x.t.MeanDailyRevenue, "money"), new("daysWithSales", x.t.DaysWithSales, "days"),
            ])));
        return new FactSheet(AnalysisSection.Trends, report.Date, currency, TrendsTask, facts);
    }

    public static FactSheet Recommendations(DateOnly date, IReadOnlyList<Recommendation> recommendations, string currency)
    {
        ArgumentNullException.ThrowIfNull(recommendations);
        var facts = recommendations.Take(TopFindings).Select((r, i) =>
        {
            var id = $"R{i + 1}";
            var groups = r.Facts.GroupBy(f => (f.Subject, f.SubjectId)).ToList();
            var own = groups.FirstOrDefault(g => g.Key.SubjectId == r.SubjectId);
            var parts = groups.Where(g => g != own).Take(TopParts * 2).Select((g, j) => new PromptFact(
                $"{id}.{j + 1}", Subject(g.Key.Subject), Name(g.Key.SubjectId), "a figure the recommendation cites",
                [.. g.Select(Figure)])).ToList();
            return new PromptFact(id, own is null ? "chain" : Subject(own.Key.Subject), Name(r.SubjectId),
                                  $"{Enum(r.Priority)} priority recommendation: {Enum(r.Kind)}",
                                  [new("rank", r.Rank, "count"), .. (own?.Select(Figure) ?? [])], parts);
        }).ToList();
        return new FactSheet(AnalysisSection.Recommendations, date, currency, RecommendationsTask, facts);
    }

    private static PromptFigure Figure(RecommendationFact f) => new(Camel(f.Figure), f.Value, f.Figure switch
    {
        "PercentChange" or "SlopePercent" => "percent",
        "DiscountRate" or "FourWeekDiscountRate" or "OrderShareOfChainDay" or "OrderShareOfStoreDay" => "rate",
        "AverageUnits" or "MissingSku" or "OrderUnits" => "count",
        _ => "money",
    });

    private static void Add(List<PromptFigure> figures, string name, decimal? value, string unit)
    {
        if (value is { } v)
        {
            figures.Add(new(name, v, unit));
        }
    }

    private static string Unit(AnomalyMetric metric) => metric switch
    {
        AnomalyMetric.Transactions => "count",
        AnomalyMetric.ReturnRate => "rate",
        _ => "money",
    };

    private static decimal Score(double z) => double.IsFinite(z) ? Math.Round((decimal)z, 2) : 0m;

    private static string Subject(AnomalySubject subject) => Enum(subject);

    private static string Subject(ContributorKind kind) => Enum(kind);

    private static string Subject(FactSubject subject) => Enum(subject);

    private static string Enum<T>(T value) where T : struct, System.Enum => Camel(value.ToString());

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>Uploaded text cut to <see cref="MaxNameLength"/> characters (never inside a surrogate pair).</summary>
    internal static string Name(string value)
    {
        if (value.Length <= MaxNameLength)
        {
            return value;
        }

        var cut = char.IsHighSurrogate(value[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
        return value[..cut];
    }
}
