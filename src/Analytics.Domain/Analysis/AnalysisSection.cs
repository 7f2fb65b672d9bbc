namespace Analytics.Domain.Analysis;

/// <summary>
/// What an analysis part is about, as the report, the exports and the model's fact sheets know it. The state that
/// computes each section is declared once, in its step (Functions' <c>DailyAnalysis</c>); the domain never names states.
/// </summary>
public enum AnalysisSection
{
    /// <summary>The chain's figures of the day and their comparisons (CalcCompanyMetrics).</summary>
    Company,

    /// <summary>Top sellers, movers, category mix and missing SKUs (CalcProductMetrics).</summary>
    Products,

    /// <summary>Figures outside their same-weekday baselines (DetectAnomalies).</summary>
    Anomalies,

    /// <summary>Slopes and growth, weekday pattern removed (AnalyzeTrends).</summary>
    Trends,

    /// <summary>Prioritized actions citing their facts (GenerateRecommendations).</summary>
    Recommendations,

    /// <summary>Net revenue of the next seven days with intervals (ForecastSales).</summary>
    Forecast,
}
