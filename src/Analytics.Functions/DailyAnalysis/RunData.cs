using System.Text.Json.Serialization.Metadata;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>The data an analysis step works on: the run's store-days from the bucket and the date's sales history.</summary>
public sealed class RunData(AnalysisArtifacts artifacts, SalesHistoryLoader history)
{
    public AnalysisArtifacts Artifacts => artifacts;

    /// <exception cref="InvalidStepInputException">The run has no store data (such runs end at NoDataAvailable).</exception>
    public async Task<(IReadOnlyList<StoreDaySummary> Day, SalesHistory History)> LoadAsync(
        string step, AnalysisRun run, HistoryParts parts, CancellationToken cancellationToken)
    {
        if (run.StoreCount == 0 || run.DayKey is null)
        {
            throw new InvalidStepInputException(step, $"the run for {run.Date:yyyy-MM-dd} has no store data to analyse.");
        }

        var day = artifacts.ReadStoreDaysAsync(run.DayKey, cancellationToken);
        var loaded = history.LoadAsync(run.Date, parts, await ReadChainAsync(run, cancellationToken), cancellationToken);
        return (await day, await loaded);
    }

    /// <summary>The chain's history the run kept (<see cref="AnalysisRun.ChainKey"/>); null when it kept none.</summary>
    public async Task<ChainHistory?> ReadChainAsync(AnalysisRun run, CancellationToken cancellationToken) =>
        run.ChainKey is null ? null : await artifacts.ReadAsync(run.ChainKey, AnalysisJsonContext.Default.ChainHistory, cancellationToken);

    /// <summary>The result document of <paramref name="part"/>; null when that step failed and the run went on without it.</summary>
    /// <exception cref="InvalidStepInputException">A part that neither failed nor names its result.</exception>
    public async Task<T?> ReadPartAsync<T>(string step, AnalysisPart part, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        if (part.Failed)
        {
            return null;
        }

        if (part.Key is null)
        {
            throw new InvalidStepInputException(step, $"the result of {part.Step} has no key and is not marked failed.");
        }

        return await artifacts.ReadAsync(part.Key, typeInfo, cancellationToken);
    }

    /// <summary>
    /// <see cref="ReadPartAsync"/> for the part of a model step, which saves its statistical result as
    /// <paramref name="name"/> before asking the model (<see cref="SaveBeforeReviewAsync"/>): a part marked failed
    /// (the step's retries ran out) still has that result when it was saved, and only the model's review is missing.
    /// Whether it was saved is asked with a listing of its exact key (<see cref="AnalysisArtifacts.ReadIfPresentAsync"/>):
    /// without <c>s3:ListBucket</c> on the whole bucket, S3 answers a read of a missing key with 403, not 404.
    /// </summary>
    public async Task<T?> ReadModelPartAsync<T>(string step, AnalysisRun run, AnalysisPart part, string name, JsonTypeInfo<T> typeInfo,
                                                CancellationToken cancellationToken)
        where T : class
    {
        if (!part.Failed)
        {
            return await ReadPartAsync(step, part, typeInfo, cancellationToken);
        }

        return await artifacts.ReadIfPresentAsync(run.KeyOf(name), typeInfo, cancellationToken);
    }

    /// <summary>
    /// Saves a model step's statistical result as <paramref name="name"/> before the model is asked (when one is
    /// configured), so that the run keeps it if the model never answers and the step's retries run out
    /// (<see cref="ReadModelPartAsync"/>). The step saves again, with the model's review, when the model answers.
    /// </summary>
    public Task SaveBeforeReviewAsync<T>(ModelReviewer reviewer, AnalysisRun run, string name, T result, JsonTypeInfo<T> typeInfo,
                                         CancellationToken cancellationToken) =>
        reviewer.IsConfigured ? SaveAsync(run, name, result, typeInfo, cancellationToken) : Task.CompletedTask;

    /// <summary>Writes a step's result document as <paramref name="name"/> under the run's prefix; returns its key, which
    /// the step passes on in its <see cref="AnalysisPart"/> (the claim check).</summary>
    public async Task<string> SaveAsync<T>(AnalysisRun run, string name, T result, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var key = run.KeyOf(name);
        await artifacts.WriteAsync(key, result, typeInfo, cancellationToken);
        return key;
    }
}
