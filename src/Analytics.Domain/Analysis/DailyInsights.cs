using Analytics.Domain.AiReview;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Analysis;

/// <summary>
/// Everything the daily analysis found for one business date, as CombineInsights assembles it for the report and
/// the exports. Company and product metrics are always there (the run fails without them); anomalies, trends, the forecast
/// and recommendations are null or empty when their step failed, and <see cref="Parts"/> says which did and why.
/// </summary>
/// <param name="RevenueSeries">The chain's daily net revenue over the <see cref="RevenueSeriesDays"/> days ending at
/// <paramref name="Date"/>, oldest first; a day without sales is in it with zeros.</param>
/// <param name="ModelNote">How the findings were made, for the report (no model configured: statistics only).</param>
/// <param name="RecommendationsReview">The model's reading of the recommendations, when a model was used for them (the
/// anomalies' and trends' readings are in their reports).</param>
/// <param name="Forecast">The next seven days' forecast; null when ForecastSales failed (or in a document stored
/// before it existed).</param>
public sealed record DailyInsights(
    DateOnly Date,
    string ExecutionName,
    DateTimeOffset StartedAt,
    string Currency,
    int StoreCount,
    CompanyMetrics Company,
    ProductMetrics Products,
    AnomalyReport? Anomalies,
    TrendReport? Trends,
    IReadOnlyList<Recommendation> Recommendations,
    IReadOnlyList<PartStatus> Parts,
    IReadOnlyList<DailyRevenue> RevenueSeries,
    string ModelNote,
    ModelReview? RecommendationsReview = null,
    ForecastReport? Forecast = null,
    UploadCheck? Uploads = null)
{
    public const int RevenueSeriesDays = 56;

    /// <summary>A step failed, or its model call did (the step then kept its statistical result).</summary>
    public bool HasErrors => Parts.Any(p => p.Failed || p.Error is not null);
}

/// <summary>How one analysis step went: <see cref="Section"/> is what it computed (what the report's sections look it up
/// by), <see cref="Step"/> its state name, shown as it is; <see cref="Source"/> is <see cref="PartStatus.Statistics"/> or
/// <see cref="PartStatus.Model"/>; a failed step has its error name and cause, and so has a step that is not
/// <see cref="Failed"/> but whose model call failed (it kept its statistical result). A document stored before parts had
/// a section reads every part as <see cref="AnalysisSection.Company"/> (the enum's default); rendered again, only the
/// company sections find their part (the first), the others show no failed or model badge.</summary>
public sealed record PartStatus(AnalysisSection Section, string Step, bool Failed, string Source, string? Error = null, string? Cause = null)
{
    /// <summary><see cref="Source"/> of findings the built-in statistics made.</summary>
    public const string Statistics = "statistics";

    /// <summary><see cref="Source"/> of findings a model ranked and explained.</summary>
    public const string Model = "model";
}

/// <summary>One day of the chain's revenue series.</summary>
public sealed record DailyRevenue(DateOnly Date, decimal NetRevenue, int Transactions, int StoresTrading);
