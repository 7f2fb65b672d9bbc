using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;

namespace Analytics.Domain.Exports;

/// <summary>Writes the day's datasets for QuickSight. (First cut: not yet written.)</summary>
public sealed class QuickSightExporter(IObjectStore objects)
{
    public Task<QuickSightExport> ExportAsync(DailyInsights insights, IReadOnlyList<StoreDaySummary> day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        _ = objects;
        _ = day;
        _ = cancellationToken;
        return Task.FromResult(new QuickSightExport(insights.Date, []));
    }
}
