using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state GetStoreSummaries: resolves the business date, reads every store's summary of it (SKU lines
/// included) and puts them in the bucket under the execution's prefix. The state gets an <see cref="AnalysisRun"/>:
/// the date, the prefix, the store count (0 sends the run to NoDataAvailable), the key of the summaries and the key
/// of the chain's history (<see cref="ChainHistory"/>), read here once for every later step.
/// </summary>
public sealed class GetStoreSummariesStep(ISalesStore sales, AnalysisArtifacts artifacts, IOptions<AnalysisOptions> options)
{
    public const string DayName = "day.jsonl.gz";
    public const string ChainName = "chain.json";

    public const string StateName = "GetStoreSummaries";

    [LambdaFunction(ResourceName = StateName, MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.Read, Writes = [AnalysisKeys.RunsPrefix])]
    public async Task<AnalysisRun> HandleAsync(GetStoreSummariesInput input, CancellationToken cancellationToken)
    {
        var zone = ChainZone(options.Value);
        var date = AnalysisDate.Resolve(input.Input?.Date, input.StartedAt, zone);
        var prefix = AnalysisKeys.RunPrefix(date, input.ExecutionName);
        var stores = await sales.GetDayAsync(date, SalesDetail.WithSkus, cancellationToken);
        if (stores.Count == 0)
        {
            return new AnalysisRun(date, input.ExecutionName, input.StartedAt, prefix, 0, null, null);
        }

        var currencies = stores.Select(s => s.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (currencies.Count > 1)
        {
            var examples = currencies.Select(c => $"{c} ({stores.First(s => s.Currency == c).StoreId}, …)");
            throw new MixedCurrencyException(
                $"Stores reported {date:yyyy-MM-dd} in {currencies.Count} currencies: {string.Join(", ", examples)}. Chain figures need one currency.");
        }

        var run = new AnalysisRun(date, input.ExecutionName, input.StartedAt, prefix, stores.Count, currencies[0], prefix + DayName, prefix + ChainName);
        var first = date.AddDays(1 - ChainHistory.RunDays);
        var before = await sales.GetChainHistoryAsync(first, date.AddDays(-1), cancellationToken);
        var chain = new ChainHistory(first, date, [.. before, SalesMerge.ChainDay(date, stores)]);
        await Task.WhenAll(
            artifacts.WriteStoreDaysAsync(run.DayKey!, stores, cancellationToken),
            artifacts.WriteAsync(run.ChainKey!, chain, AnalysisJsonContext.Default.ChainHistory, cancellationToken));
        return run;
    }

    /// <exception cref="InvalidOperationException">The configured zone is unknown: a deployment error, not bad input.</exception>
    internal static NodaTime.DateTimeZone ChainZone(AnalysisOptions options) =>
        TimeZones.Find(options.TimeZone)
        ?? throw new InvalidOperationException($"{AnalysisOptions.Section}:{nameof(AnalysisOptions.TimeZone)} '{options.TimeZone}' is not a known time zone.");
}


/// <summary>The state's parameters: the execution input, the execution's name and start time.</summary>
public sealed record GetStoreSummariesInput(AnalysisRequest? Input, string ExecutionName, DateTimeOffset StartedAt);

/// <summary>The execution input: <c>{"date":"YYYY-MM-DD"}</c>, or <c>{}</c> for yesterday in the chain's time zone.</summary>
public sealed record AnalysisRequest(string? Date = null);
