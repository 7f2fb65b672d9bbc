using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// What an analysis step hands on through the state: where its full result is (<see cref="Key"/>) and a one-line
/// summary; or, written by the state machine's <c>…Failed</c> Pass states, that the step failed and why. Small at
/// any chain size.
/// </summary>
/// <param name="Step">The state name (<c>DetectAnomalies</c>, …).</param>
/// <param name="Key">The object key of the step's result document. On a failed part, where the step saves its result
/// (the state machine's <c>…Failed</c> Pass state says so): a step with a model saves its statistical result there before
/// the model is asked, so the document is there when only the model failed, and absent when the step failed before
/// that (<see cref="RunParts"/> reads it if present).</param>
/// <param name="Failed">True when the step failed after its retries and the run went on without it.</param>
/// <param name="Error">The error name (an exception type name, <c>States.Timeout</c>, …) when failed; on a part that
/// did not fail, the error of its model call (<c>InvalidModelAnswerException</c>, …): the step kept its statistical
/// result.</param>
/// <param name="Cause">The error's message when failed.</param>
/// <param name="Source">Who wrote the findings: <see cref="PartStatus.Statistics"/>, or <see cref="PartStatus.Model"/> when a model ranked
/// and explained them.</param>
/// <param name="Summary">One line for logs and the execution history.</param>
public sealed record AnalysisPart(
    string Step,
    string? Key = null,
    bool Failed = false,
    string? Error = null,
    string? Cause = null,
    string? Source = null,
    string? Summary = null)
{
    public static AnalysisPart Succeeded(string step, string key, string source, string summary) => new(step, key, Source: source, Summary: summary);

    /// <summary>A result written by <paramref name="step"/>: from the model when its review was used, from statistics
    /// otherwise, with the model's error when its call failed.</summary>
    public static AnalysisPart Succeeded(string step, string key, ModelReviewOutcome model, string summary) =>
        new(step, key, Error: model.Error, Cause: model.Cause, Source: model.Review is null ? PartStatus.Statistics : PartStatus.Model, Summary: summary);
}
