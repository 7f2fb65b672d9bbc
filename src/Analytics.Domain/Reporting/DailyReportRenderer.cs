using Analytics.Domain.Analysis;

namespace Analytics.Domain.Reporting;

/// <summary>
/// Renders <see cref="DailyInsights"/> as the daily report: the e-mail's subject (SNS rules: printable ASCII, under
/// 100 characters), its plain-text body (bounded whatever the chain's size) and a self-contained HTML page with inline
/// SVG charts. Uploaded text is cleaned in the text and HTML-encoded in the page. Pure and deterministic: the same
/// insights give the same report (the only time shown is the execution's start).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "A DI singleton: callers take it by injection.")]
public sealed class DailyReportRenderer
{
    /// <param name="reportLocation">Where the HTML report is stored (an <c>s3://</c> URI, say), told in the e-mail;
    /// null leaves it out.</param>
    public RenderedReport Render(DailyInsights insights, string? reportLocation = null)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var subject = ReportSubject.Write(insights);
        return new RenderedReport(subject, TextReportWriter.Write(insights, reportLocation), HtmlReportWriter.Write(insights, subject));
    }
}
