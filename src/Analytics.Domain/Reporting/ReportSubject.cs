using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The e-mail subject: the date and the headline. SNS refuses a subject that is not printable ASCII, starts with a
/// space, holds a line break or control character, or is 100 characters or longer; the subject is built from
/// known words and numbers, the currency and a receipt id (uploaded) are cleaned to ASCII, and a clause is left out
/// rather than cut: the findings clause first, then the order that leads the day (in a shorter wording when the long
/// one does not fit), the change against last week and the failed steps, each kept when it still fits.
/// </summary>
internal static class ReportSubject
{
    /// <summary>Characters of a receipt id kept in the subject (so that the order is named beside three-digit counts).</summary>
    public const int ReceiptIdLength = 12;

    public static string Write(DailyInsights insights)
    {
        var revenue = insights.Company.Figure(KeyMetric.NetRevenue);
        var subject = new StringBuilder()
            .Append("Daily sales ").Append(ReportFormat.Date(insights.Date)).Append(": net revenue ")
            .Append(ReportFormat.Money(revenue.Value, insights.Currency));
        // Each clause with its place in the sentence, most important first; an order has shorter wordings to fall back to.
        List<(string[] Wordings, int Place)> clauses = [([AnomalyClause(insights.Anomalies)], 1)];
        if (ReportFindings.LeadingOrder(insights.Anomalies)?.Order is { } order)
        {
            var id = UntrustedText.Ascii(order.Receipt.Id, ReceiptIdLength);
            var share = ReportFormat.Count(decimal.Round(order.ShareOfChainDay * 100m, 0, MidpointRounding.ToEven));
            clauses.Add(([$", verify order {id} ({share}% of day)", $", verify order {id}"], 2));
        }

        if (revenue.Against(ComparisonBaseline.SameWeekdayLastWeek)?.PercentChange is { } weekChange)
        {
            clauses.Add(([$", {ReportFormat.Percent(weekChange)} vs last week"], 0));
        }

        // A failed anomaly check is said above; the clause counts the other failed steps, and is left out when it does not fit.
        var failed = insights.Parts.Count(p => p.Failed && !(insights.Anomalies is null && p.Section == AnalysisSection.Anomalies));
        if (failed > 0)
        {
            var more = insights.Anomalies is null ? " more" : "";
            clauses.Add(([failed == 1 ? $", 1{more} step failed" : $", {failed}{more} steps failed"], 3));
        }

        var text = UntrustedText.Ascii(subject.ToString(), ReportLimits.MaxSubjectLength);
        var length = text.Length;
        List<(string Clause, int Place)> kept = [];
        foreach (var (wordings, place) in clauses)
        {
            if (wordings.FirstOrDefault(w => length + w.Length <= ReportLimits.MaxSubjectLength) is { } fits)
            {
                kept.Add((fits, place));
                length += fits.Length;
            }
        }

        text += string.Concat(kept.OrderBy(c => c.Place).Select(c => c.Clause));
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

        if (ReportFindings.Material(anomalies) is { } findings)
        {
            // When an order leads, the subject names it and its share of the day instead of counting the high ones.
            var highFindings = ReportFindings.LeadingOrder(anomalies) is null ? findings.Count(f => f.Severity == AnomalySeverity.High) : 0;
            return (findings.Count, highFindings) switch
            {
                (0, _) when anomalies.Anomalies.Count == 0 && anomalies.Incidents!.Count == 0 => ", no anomalies",
                (0, _) => ", no material findings",
                (1, 0) => ", 1 finding",
                (1, _) => ", 1 high finding",
                (_, 0) => $", {findings.Count} findings",
                _ => $", {findings.Count} findings, {highFindings} high",
            };
        }

        // A report written before incidents existed.
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
