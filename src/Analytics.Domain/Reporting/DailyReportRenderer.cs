using System.Globalization;
using System.Net;
using Analytics.Domain.Analysis;

namespace Analytics.Domain.Reporting;

/// <summary>Renders <see cref="DailyInsights"/> as the daily report. (First cut: headline figures only.)</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "First cut; the renderer gains options.")]
public sealed class DailyReportRenderer
{
    public RenderedReport Render(DailyInsights insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        var date = AnalysisKeys.Iso(insights.Date);
        var subject = $"Daily sales analysis {date}";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{subject}\n\nNet revenue {insights.Company.NetRevenue} {insights.Currency} from {insights.StoreCount} stores.\n{insights.ModelNote}\n");
        var html = $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(subject)}</title></head><body><pre>{WebUtility.HtmlEncode(text)}</pre></body></html>";
        return new RenderedReport(subject, text, html);
    }
}
