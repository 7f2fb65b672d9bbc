using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Reporting;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// daily-analysis, state GenerateReport: renders the combined insights as the e-mail (subject and plain-text body,
/// which SendDailyReport publishes) and as an HTML page with charts, both written to the bucket under
/// <c>reports/{date}/</c> (a rerun of the date replaces them). The e-mail says where the HTML page is
/// (<c>s3://{bucket}/{key}</c>).
/// </summary>
public sealed class GenerateReportStep(AnalysisArtifacts artifacts, DailyReportRenderer renderer)
{
    public const string StateName = "GenerateReport";

    [LambdaFunction(ResourceName = StateName, MemorySize = 512, Timeout = 300,
                    Reads = [AnalysisKeys.RunsPrefix], Writes = [AnalysisKeys.ReportsPrefix])]
    public async Task<ReportOutput> HandleAsync(InsightsInput input, CancellationToken cancellationToken)
    {
        var insights = await artifacts.ReadAsync(input.Insights.Key, AnalysisJsonContext.Default.DailyInsights, cancellationToken);
        var htmlKey = AnalysisKeys.HtmlReport(input.Run.Date);
        var textKey = AnalysisKeys.TextReport(input.Run.Date);
        var report = renderer.Render(insights, $"s3://{artifacts.Objects.BucketName}/{htmlKey}");
        await WriteTextAsync(htmlKey, report.Html, "text/html; charset=utf-8", cancellationToken);
        await WriteTextAsync(textKey, report.Text, "text/plain; charset=utf-8", cancellationToken);
        return new ReportOutput(report.Subject, report.Text, htmlKey, textKey, input.Insights.Key);
    }

    private async Task WriteTextAsync(string key, string text, string contentType, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await artifacts.Objects.WriteAsync(key, content, contentType, cancellationToken);
    }
}


/// <summary>GenerateReport's result (<c>$.report</c>, also the execution's output): the e-mail, where the report is,
/// and where the combined insights it was made from are.</summary>
public sealed record ReportOutput(string Subject, string Body, string HtmlKey, string TextKey, string InsightsKey);
