using Analytics.Domain.Analysis;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;

namespace Analytics.Domain.Exports;

/// <summary>
/// Writes the day's datasets for Amazon QuickSight: for each of <see cref="QuickSightDatasets.All"/>, the date's
/// partition as NDJSON parts (<see cref="QuickSightKeys"/>), then the dataset's manifest. A rerun of the date
/// replaces the partition: afterwards it holds exactly that run's parts (see <see cref="NdjsonPartitionWriter"/> for
/// the order of writes and deletes). The manifest does not depend on the date and is rewritten identically.
/// </summary>
public sealed class QuickSightExporter(IObjectStore objects)
{
    /// <summary>A new part starts once a part holds this many bytes (rows are never split).</summary>
    public const long DefaultMaxPartBytes = 64L * 1024 * 1024;

    private readonly long _maxPartBytes = DefaultMaxPartBytes;

    /// <summary>For tests: a small part size makes splitting observable.</summary>
    internal QuickSightExporter(IObjectStore objects, long maxPartBytes) : this(objects)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPartBytes);
        _maxPartBytes = maxPartBytes;
    }

    /// <param name="day">The date's store-days with their SKU lines (empty: no store or product rows).</param>
    public async Task<QuickSightExport> ExportAsync(DailyInsights insights, IReadOnlyList<StoreDaySummary> day, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(insights);
        ArgumentNullException.ThrowIfNull(day);
        return new QuickSightExport(insights.Date,
        [
            await ExportAsync(QuickSightDatasets.StoreDaily, insights, rows => StoreDailyRows.WriteAsync(rows, insights, day, cancellationToken), cancellationToken),
            await ExportAsync(QuickSightDatasets.CompanyDaily, insights, rows => CompanyDailyRows.WriteAsync(rows, insights, cancellationToken), cancellationToken),
            await ExportAsync(QuickSightDatasets.ProductDaily, insights, rows => ProductDailyRows.WriteAsync(rows, insights, day, cancellationToken), cancellationToken),
            await ExportAsync(QuickSightDatasets.Anomalies, insights, rows => AnomalyRows.WriteAsync(rows, insights, cancellationToken), cancellationToken),
            await ExportAsync(QuickSightDatasets.Recommendations, insights, rows => RecommendationRows.WriteAsync(rows, insights, cancellationToken), cancellationToken),
            await ExportAsync(QuickSightDatasets.SalesForecast, insights, rows => ForecastRows.WriteAsync(rows, insights.Forecast, cancellationToken), cancellationToken),
        ]);
    }

    private async Task<ExportedDataset> ExportAsync(string dataset, DailyInsights insights, Func<NdjsonPartitionWriter, Task> writeRows,
                                                    CancellationToken cancellationToken)
    {
        using var rows = new NdjsonPartitionWriter(objects, dataset, insights.Date, _maxPartBytes);
        await writeRows(rows);
        var manifestKey = QuickSightKeys.Manifest(dataset);
        var exported = await rows.CompleteAsync(manifestKey, cancellationToken);
        using var manifest = new MemoryStream(QuickSightManifest.For(objects.BucketName, dataset), writable: false);
        await objects.WriteAsync(manifestKey, manifest, QuickSightManifest.ContentType, cancellationToken);
        return exported;
    }
}
