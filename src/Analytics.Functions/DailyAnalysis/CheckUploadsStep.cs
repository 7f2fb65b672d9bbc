using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state CheckUploads (the first): whether every store expected to send the business date has sent
/// it, and whether the run should stop waiting for those that have not. Expected are the stores whose missing day
/// would be a no-sales anomaly (<see cref="AnomalyDetector.ExpectedStores"/>, on the same days DetectAnomalies reads): a store
/// that usually trades but has not uploaded is "no upload yet", not "no sales". While some are missing and the
/// cut-off (<see cref="AnalysisOptions.UploadCutoff"/> on the morning after the date, in the chain's zone) has not
/// passed, the state machine waits and runs this again; then it goes on, carrying the result in <c>$.uploads</c>.
/// </summary>
/// <remarks>"Now" is the state's entered time when the state machine passes it (<c>$$.State.EnteredTime</c>), so the
/// check follows the execution's clock (the local engine's, moved on by skipped waits); else the
/// <see cref="TimeProvider"/>'s.</remarks>
public sealed class CheckUploadsStep(ISalesStore sales, SalesHistoryLoader history, AnomalyDetector detector,
                                     IOptions<AnalysisOptions> options, TimeProvider time, ILogger<CheckUploadsStep> logger)
{
    public const string StateName = "CheckUploads";

    /// <summary>How many missing stores the result names (<see cref="UploadCheck.MaxListed"/>).</summary>
    public const int MaxListed = UploadCheck.MaxListed;

    [LambdaFunction(ResourceName = StateName, MemorySize = 1024, Timeout = 120, SalesTable = TableAccess.Read)]
    public async Task<UploadCheck> HandleAsync(CheckUploadsInput input, CancellationToken cancellationToken)
    {
        var analysis = options.Value;
        var zone = GetStoreSummariesStep.ChainZone(analysis);
        var date = AnalysisDate.Resolve(input.Input?.Date, input.StartedAt, zone);
        var now = input.CheckedAt ?? time.GetUtcNow();
        var cutoff = Cutoff(date, analysis.ParseUploadCutoff(), zone);

        var baseline = history.LoadStoreCalendarAsync(date, cancellationToken);
        var day = sales.GetDayAsync(date, SalesDetail.TotalsOnly, cancellationToken);
        await Task.WhenAll(baseline, day);
        var expected = detector.ExpectedStores(await baseline);
        var arrived = (await day).Select(s => s.StoreId).ToHashSet(StringComparer.Ordinal);
        List<string> missing = [.. expected.Where(s => !arrived.Contains(s))];

        var check = new UploadCheck(date, expected.Count, arrived.Count, [.. missing.Take(MaxListed)], missing.Count,
                                    Complete: missing.Count == 0, CutoffPassed: cutoff is not { } c || now >= c,
                                    Waited: cutoff is { } until && input.StartedAt < until, CheckedAt: now, cutoff);
        var outcome = check.Describe();
        Log.UploadsChecked(logger, date, outcome);
        return check;
    }

    /// <summary>
    /// The cut-off as an instant with the chain's offset: <paramref name="time"/> on the day after
    /// <paramref name="date"/> in <paramref name="zone"/> (a time a clock change skips is moved on by the gap: 02:30
    /// on a night that skips 02:00–03:00 is 03:30; a repeated time is its first occurrence); null when there is none.
    /// </summary>
    public static DateTimeOffset? Cutoff(DateOnly date, TimeOnly? time, DateTimeZone zone) =>
        time is { } t
            ? zone.AtLeniently(new LocalDate(date.Year, date.Month, date.Day).PlusDays(1).At(new LocalTime(t.Hour, t.Minute))).ToDateTimeOffset()
            : null;
}

/// <summary>
/// The state's parameters: the execution input (<c>$$.Execution.Input</c>), the execution's start (the date defaults
/// from it, as in GetStoreSummaries) and when the state was entered (null: now by the function's clock).
/// </summary>
public sealed record CheckUploadsInput(AnalysisRequest? Input, DateTimeOffset StartedAt, DateTimeOffset? CheckedAt = null);
