using System.Text.Json.Serialization.Metadata;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// The one declaration of an analysis step's result, in its step's file: the state that writes it, its JSON type
/// info, and the report section it fills. The document is <see cref="FileName"/> under the run's prefix. Steps read
/// and write results through it (<see cref="RunData"/>, <see cref="RunParts"/>), so no state or file name is written
/// twice in code; the state machine names the file once more, in the key of the step's <c>…Failed</c> Pass state
/// (checked by a consistency test).
/// </summary>
/// <param name="StateName">The state name in daily-analysis.asl.json; the step's <c>[LambdaFunction]</c> names its
/// resource with the same constant.</param>
/// <param name="Section">What the report, the exports and the model's fact sheets know the result as; null for a
/// document that is not a part of the report (CombineInsights' own).</param>
public sealed record AnalysisResult<T>(string StateName, JsonTypeInfo<T> TypeInfo, AnalysisSection? Section = null)
    where T : class
{
    /// <summary>The document's name under the run's prefix (<see cref="AnalysisRun.KeyOf"/>): the state name, so that
    /// the state machine can say where a failed step's result would be (<see cref="AnalysisPart.Key"/>).</summary>
    public string FileName => StateName + ".json";

    /// <summary>The part handed on through the state: where the result is, who wrote its findings, one line of summary.</summary>
    public AnalysisPart Succeeded(string key, ModelReviewOutcome model, string summary) =>
        AnalysisPart.Succeeded(StateName, key, model, summary);

    /// <summary><see cref="Succeeded(string, ModelReviewOutcome, string)"/> for a step without a model.</summary>
    public AnalysisPart Succeeded(string key, string summary) =>
        AnalysisPart.Succeeded(StateName, key, PartStatus.Statistics, summary);

    /// <summary>The part's status for the combined insights: failed when its result is missing.</summary>
    /// <exception cref="InvalidOperationException">The declaration has no section.</exception>
    public PartStatus Status(AnalysisPart part, bool hasResult) => new(
        Section ?? throw new InvalidOperationException($"{StateName} declares no report section."),
        part.Step, !hasResult, part.Source ?? PartStatus.Statistics, part.Error, part.Cause);
}
