using Analytics.Domain.Analysis;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// One daily-analysis execution, as the state carries it in <c>$.run</c> from GetStoreSummaries on: the business
/// date, where the execution keeps its intermediate results (a claim check: states pass keys, not data) and how
/// much data there is. Small at any chain size.
/// </summary>
/// <param name="Date">The business date analysed.</param>
/// <param name="ExecutionName">The Step Functions execution name; with the date it makes <paramref name="Prefix"/> unique.</param>
/// <param name="StartedAt">When the execution started (the date defaults from it).</param>
/// <param name="Prefix">The object-key prefix of this execution's intermediate results, ending in '/'.</param>
/// <param name="StoreCount">Stores with sales on <paramref name="Date"/>; 0 ends the run (no data).</param>
/// <param name="Currency">The chain's currency on <paramref name="Date"/>; null when no store traded.</param>
/// <param name="DayKey">The date's store-day summaries (with SKU lines) as gzipped JSON lines; null when none.</param>
/// <param name="ChainKey">The chain's <see cref="ChainHistory"/> of the date and the <see cref="ChainHistory.RunDays"/>
/// − 1 days before it; null when none was kept (the steps then read the history from the sales store).</param>
public sealed record AnalysisRun(
    DateOnly Date,
    string ExecutionName,
    DateTimeOffset StartedAt,
    string Prefix,
    int StoreCount,
    string? Currency,
    string? DayKey,
    string? ChainKey = null)
{
    /// <summary>The key of this run's intermediate result <paramref name="name"/>.</summary>
    public string KeyOf(string name) => Prefix + name;
}
