using Analytics.Domain.Analysis;
using Analytics.Domain.Exports;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state ExportToQuickSight: the day's datasets as NDJSON under date partitions, with a QuickSight
/// manifest per dataset. A rerun of the date overwrites its partition.
/// </summary>
public sealed class ExportToQuickSightStep(RunData data, QuickSightExporter exporter)
{
    public const string StateName = "ExportToQuickSight";

    [LambdaFunction(ResourceName = StateName, ArnVariable = "export_to_quicksight_lambda_arn",
                    MemorySize = 1024, Timeout = 300,
                    Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.ExportsPrefix],
                    Deletes = [AnalysisKeys.ExportsPrefix], Lists = [AnalysisKeys.ExportsPrefix])]
    public async Task<QuickSightExport> HandleAsync(InsightsInput input, CancellationToken cancellationToken)
    {
        var insights = data.Artifacts.ReadAsync(input.Insights.Key, AnalysisJsonContext.Default.DailyInsights, cancellationToken);
        var day = input.Run.DayKey is { } dayKey ? await data.Artifacts.ReadStoreDaysAsync(dayKey, cancellationToken) : [];
        return await exporter.ExportAsync(await insights, day, cancellationToken);
    }
}
