using Analytics.Domain.Analysis;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>The parameters of the steps that need only the run: <c>{"run.$":"$.run"}</c>.</summary>
public sealed record RunInput(AnalysisRun Run);

/// <summary>
/// The parameters of a step that reads other steps' results (GenerateRecommendations, CombineInsights): the run and
/// the analysis parts so far, each a result or a failure, as the state machine lists them
/// (<c>"parts.$": "States.Array($.company, $.products, …)"</c>). The step reads them by declaration
/// (<see cref="RunParts"/>), so a new part needs no change here.
/// </summary>
/// <param name="Uploads">CombineInsights only: what CheckUploads left in <c>$.uploads</c>, an <see cref="UploadCheck"/> or,
/// when the check failed, the Catch's <c>{unknown, error, cause}</c> (<see cref="UploadCheck.FromState"/> reads both).</param>
public sealed record PartsInput(AnalysisRun Run, IReadOnlyList<AnalysisPart> Parts, System.Text.Json.JsonElement? Uploads = null);

/// <summary>GenerateReport's and ExportToQuickSight's parameters: the run and CombineInsights' result.</summary>
public sealed record InsightsInput(AnalysisRun Run, CombinedInsights Insights);

/// <summary>
/// CombineInsights' result (<c>$.insights</c>): where the combined document is, and what CheckForBedrockErrors and
/// SendBedrockErrorAlert need.
/// </summary>
/// <param name="ErrorSummary">The alert's message when <paramref name="HasErrors"/>: which steps failed and why.</param>
/// <param name="Findings">The report's findings (material incidents); null when anomaly detection failed.</param>
/// <param name="HighFindings">Of those, the high ones.</param>
public sealed record CombinedInsights(string Key, bool HasErrors, string ErrorSummary, int Anomalies, int HighSeverity, int Recommendations,
                                      int? Findings = null, int? HighFindings = null);
