using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The e-mail subject: the date and the headline. SNS refuses a subject that is not printable ASCII, starts with a
/// space, holds a line break or control character, or is 100 characters or longer; the subject is built from
/// known words and numbers, the currency (uploaded) is cleaned to ASCII, and a clause is left out rather than cut.
/// </summary>
internal static class ReportSubject
{
    public static string Write(DailyInsights insights)
    {
        var revenue = insights.Company.Figure(KeyMetric.NetRevenue);
        var subject = new StringBuilder()
            .Append("Daily sales ").Append(ReportFormat.Date(insights.Date)).Append(": net revenue ")
            .Append(ReportFormat.Money(revenue.Value, insights.Currency));
        List<string> clauses = [];
        if (revenue.Against(ComparisonBaseline.SameWeekdayLastWeek)?.PercentChange is { } weekChange)
        {
            clauses.Add($", {ReportFormat.Percent(weekChange)} vs last week");
        }

        clauses.Add(AnomalyClause(insights.Anomalies));
        // A failed anomaly check is said above; the clause counts the other failed steps, and is left out when it does not fit.
        var failed = insights.Parts.Count(p => p.Failed && !(insights.Anomalies is null && p.Section == AnalysisSection.Anomalies));
        if (failed > 0)
        {
            var more = insights.Anomalies is null ? " more" : "";
            clauses.Add(failed == 1 ? $", 1{more} step failed" : $", {failed}{more} steps failed");
        }

        var text = UntrustedText.Ascii(subject.ToString(), ReportLimits.MaxSubjectLength);
        foreach (var clause in clauses)
        {
            if (text.Length + clause.Length <= ReportLimits.MaxSubjectLength)
            {
                text += clause;
            }
        }

        return text.Length > ReportLimits.MaxSubjectLength ? text[..ReportLimits.MaxSubjectLength] : text;
    }

    private static string AnomalyClause(AnomalyReport? anomalies)
    {
        if (anomalies is null)
        {
            return ", anomaly check failed";
        }

        if (anomalies.HistoryTooShort)
        {
            return ", too little history";
        }

        var high = anomalies.Anomalies.Count(a => a.Severity == AnomalySeverity.High);
        var all = anomalies.Anomalies.Count;
        return (high, all) switch
        {
            (0, 0) => ", no anomalies",
            (0, 1) => ", 1 medium anomaly",
            (0, _) => $", {all} medium anomalies",
            (1, _) => ", 1 high-severity anomaly",
            _ => $", {high} high-severity anomalies",
        };
    }
}
