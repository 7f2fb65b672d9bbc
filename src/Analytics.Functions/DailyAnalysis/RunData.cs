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

    /// <summary>The parts in a step's input, to read by their declarations.</summary>
    /// <param name="step">The reading step's state name, for its errors.</param>
    public RunParts Parts(string step, IReadOnlyList<AnalysisPart> parts) => new(artifacts, step, parts);

    /// <summary>
    /// The skeleton of a step without a model (CalcCompanyMetrics, CalcProductMetrics, ForecastSales): loads the run's
    /// store-days and the history <paramref name="parts"/>, computes the result, saves it and returns the part.
    /// </summary>
    /// <param name="compute">The step's calculator, of the date, its store-days and the history.</param>
    /// <param name="summary">The part's one line, of the result.</param>
    public async Task<AnalysisPart> ComputedAsync<T>(AnalysisResult<T> result, AnalysisRun run, HistoryParts parts,
                                                     Func<DateOnly, IReadOnlyList<StoreDaySummary>, SalesHistory, T> compute,
                                                     Func<T, string> summary, CancellationToken cancellationToken)
        where T : class
    {
        var (day, history) = await LoadAsync(result.StateName, run, parts, cancellationToken);
        var value = compute(run.Date, day, history);
        return result.Succeeded(await SaveAsync(run, result, value, cancellationToken), summary(value));
    }

    /// <summary>
    /// The skeleton of a step whose statistical result a model reviews (AnalyzeTrends, DetectAnomalies,
    /// GenerateRecommendations): computes the result, saves it before the model is asked (<see cref="SaveBeforeReviewAsync"/>),
    /// asks the model about its facts, saves it again with the model's review, and returns the part.
    /// </summary>
    /// <param name="compute">Loads what the step needs and computes its statistical result.</param>
    /// <param name="facts">The facts of the result the model is asked about.</param>
    /// <param name="withReview">The result with the model's review (null when none was used).</param>
    /// <param name="summary">The part's one line, of the saved result.</param>
    public async Task<AnalysisPart> ReviewedAsync<T>(AnalysisResult<T> result, AnalysisRun run, ModelReviewer reviewer,
                                                     Func<CancellationToken, Task<T>> compute, Func<T, FactSheet> facts,
                                                     Func<T, ModelReview?, T> withReview, Func<T, string> summary,
                                                     CancellationToken cancellationToken)
        where T : class
    {
        var statistics = await compute(cancellationToken);
        await SaveBeforeReviewAsync(reviewer, run, result, statistics, cancellationToken);
        var model = await reviewer.ReviewAsync(facts(statistics), cancellationToken);
        var reviewed = withReview(statistics, model.Review);
        var key = await SaveAsync(run, result, reviewed, cancellationToken);
        return result.Succeeded(key, model, summary(reviewed));
    }

    /// <summary>
    /// Saves a model step's statistical result before the model is asked (when one is configured), so that the run
    /// keeps it if the model never answers and the step's retries run out: the failed part's key names the document
    /// (<see cref="AnalysisPart.Key"/>). The step saves again, with the model's review, when the model answers.
    /// </summary>
    private Task SaveBeforeReviewAsync<T>(ModelReviewer reviewer, AnalysisRun run, AnalysisResult<T> result, T value,
                                         CancellationToken cancellationToken)
        where T : class =>
        reviewer.IsConfigured ? SaveAsync(run, result, value, cancellationToken) : Task.CompletedTask;

    /// <summary>Writes a step's result document under the run's prefix; returns its key, which the step passes on in
    /// its <see cref="AnalysisPart"/> (the claim check).</summary>
    public async Task<string> SaveAsync<T>(AnalysisRun run, AnalysisResult<T> result, T value, CancellationToken cancellationToken)
        where T : class
    {
        var key = run.KeyOf(result.FileName);
        await artifacts.WriteAsync(key, value, result.TypeInfo, cancellationToken);
        return key;
    }
}
