
namespace Analytics.Functions.DailyAnalysis;

/// <summary>The parameters of the steps that need only the run: <c>{"run.$":"$.run"}</c>.</summary>
public sealed record RunInput(AnalysisRun Run);

/// <summary>GenerateRecommendations' parameters: the run and the Parallel branch results (each a result or a failure).</summary>
public sealed record RecommendationsInput(AnalysisRun Run, AnalysisPart Anomalies, AnalysisPart Trends);

/// <summary>CombineInsights' parameters: the run and every analysis part, failed ones included.</summary>
public sealed record CombineInsightsInput(
    AnalysisRun Run,
    AnalysisPart Company,
    AnalysisPart Products,
    AnalysisPart Anomalies,
    AnalysisPart Trends,
    AnalysisPart Recommendations);

/// <summary>GenerateReport's and ExportToQuickSight's parameters: the run and CombineInsights' result.</summary>
public sealed record InsightsInput(AnalysisRun Run, CombinedInsights Insights);

/// <summary>
/// CombineInsights' result (<c>$.insights</c>): where the combined document is, and what CheckForBedrockErrors and
/// SendBedrockErrorAlert need.
/// </summary>
/// <param name="ErrorSummary">The alert's message when <paramref name="HasErrors"/>: which steps failed and why.</param>
public sealed record CombinedInsights(string Key, bool HasErrors, string ErrorSummary, int Anomalies, int HighSeverity, int Recommendations);
