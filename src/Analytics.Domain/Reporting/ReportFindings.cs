using System.Globalization;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>
/// The day's findings in words, for the text and the HTML report: the material <see cref="Incident"/>s in their rank,
/// each a one-line headline and its facets. Uploaded text (ids, SKU, product and category names) is cleaned and cut
/// to the caller's length, so the HTML report only has to encode the whole line.
/// </summary>
internal static class ReportFindings
{
    /// <summary>The material incidents, in rank order; null for a report written before incidents existed.</summary>
    public static IReadOnlyList<Incident>? Material(AnomalyReport report) =>
        report.Incidents is { } incidents ? [.. incidents.Where(i => i.Material)] : null;

    /// <summary>
    /// A warning that the day's data may not be all there, null when no store-day of it ended early:
    /// <c>Incomplete? Store s-1's last sale was in the 12:00 hour, 4 hours before its earliest usual close (16:00 hour):
    /// its figures may be partial, and its usual sellers are not counted as out of stock.</c>
    /// </summary>
    public static string? Incomplete(AnomalyReport? report, int nameLength)
    {
        if (report?.IncompleteDays is not { Count: > 0 } days)
        {
            return null;
        }

        var stores = days.Select(d => $"store {Clean(d.StoreId, nameLength)}'s last sale was in the {d.LastSaleHour:00}:00 hour, " +
                                      $"{d.EarliestUsualLastHour - d.LastSaleHour} hours before its earliest usual close ({d.EarliestUsualLastHour:00}:00 hour)");
        return $"Incomplete? {Capitalized(string.Join("; ", stores))}: {(days.Count == 1 ? "its figures" : "their figures")} may be partial " +
               "(an upload sent before closing, or a till that stopped sending), and usual sellers there are not counted as out of stock.";
    }

    /// <summary>Who had not uploaded when the run stopped waiting (<see cref="Analysis.UploadCheck"/>), null when every
    /// expected store had, or the run did not check: <c>Uploads: waited until 09:00; no upload from s-6 (1 of 20
    /// expected). Their figures are missing from today's totals, not zero.</c></summary>
    public static string? Uploads(Analysis.UploadCheck? uploads, int nameLength) => uploads switch
    {
        null or { Complete: true, Unknown: false } => null,
        { Unknown: true } => UntrustedText.Clean($"Uploads: {uploads.Describe()}. Stores may be missing from today's figures.", 4 * nameLength),
        _ => $"Uploads: {UntrustedText.Clean(uploads.Describe(), 4 * nameLength)}. Their figures are missing from today's totals, not zero.",
    };

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>The first finding when it is an order (an order that makes the day is said first).</summary>
    public static Incident? LeadingOrder(AnomalyReport? report) =>
        report?.Incidents?.FirstOrDefault(i => i.Material) is { Order: not null } lead ? lead : null;

    /// <summary>
    /// One line in plain words. An order: <c>Order 581483 at store S1, 09:15: 80,995 × 23843 (Paper craft) at 2.08 =
    /// 168,469.60 GBP, 85.00% of the chain's day. Verify it with the store before acting on today's figures.</c>
    /// Otherwise its largest facet: <c>Store s-3 net revenue drop: 1,400.00 USD against a usual 4,600.00 USD (-69.57%)</c>.
    /// </summary>
    public static string Headline(Incident incident, string currency, int nameLength)
    {
        if (incident.Order is { } order)
        {
            var receipt = order.Receipt;
            var line = receipt.TopLine;
            var total = receipt.Lines > 1 ? $" on a receipt of {ReportFormat.Money(receipt.Amount, currency)} ({ReportFormat.Integer(receipt.Lines)} lines)" : "";
            var usual = order.UsualStoreDay > 0m ? $" (the store usually sells {ReportFormat.Money(order.UsualStoreDay, currency)} a day)" : "";
            return $"Order {Clean(receipt.Id, nameLength)} at store {Clean(order.StoreId, nameLength)}, " +
                   $"{receipt.Timestamp.ToString("HH:mm", CultureInfo.InvariantCulture)}: {ReportFormat.Count(line.Quantity)} \u00d7 " +
                   $"{Clean(line.Sku, nameLength)} ({Clean(line.Name, nameLength)}) at {ReportFormat.Exact(line.UnitPrice)} = " +
                   $"{ReportFormat.Money(line.Amount, currency)}{total}, {ReportFormat.Rate(order.ShareOfChainDay)} of the chain's day{usual}. " +
                   "Verify it with the store before acting on today's figures.";
        }

        var lead = incident.Lead!;
        if (lead.Metric == AnomalyMetric.NoSales)
        {
            return $"Store {Clean(lead.SubjectId, nameLength)}: no upload yet; it usually sells {ReportFormat.Money(lead.Median, currency)} on this weekday";
        }

        var effect = lead.Metric == AnomalyMetric.NetRevenue ? "" : $", about {ReportFormat.Money(incident.Impact, currency)} of revenue";
        return $"{Who(lead, nameLength)} {ReportWords.Metric(lead.Metric)} {ReportWords.Direction(lead)}: " +
               $"{ReportFormat.AnomalyFigure(lead.Metric, lead.Value, currency)} against a usual {ReportFormat.AnomalyFigure(lead.Metric, lead.Median, currency)} " +
               $"({ReportFormat.Percent(lead.PercentChange)}){effect}";
    }

    /// <summary>The facets worth listing under the headline: every figure an order moved; a store's, category's or the
    /// chain's facets when there is more than the one its headline names.</summary>
    public static IReadOnlyList<Anomaly> ListedFacets(Incident incident) =>
        incident.Order is not null || incident.Facets.Count > 1 ? incident.Facets : [];

    /// <summary>One facet: <c>Chain net revenue: 197,000.00 GBP against a usual 40,000.00 GBP (+392.50%)</c>.</summary>
    public static string Facet(Anomaly facet, string currency, int nameLength) =>
        facet.Metric == AnomalyMetric.NoSales
            ? $"Store {Clean(facet.SubjectId, nameLength)}: no upload yet (usually {ReportFormat.Money(facet.Median, currency)})"
            : $"{Who(facet, nameLength)} {ReportWords.Metric(facet.Metric)}: {ReportFormat.AnomalyFigure(facet.Metric, facet.Value, currency)} " +
              $"against a usual {ReportFormat.AnomalyFigure(facet.Metric, facet.Median, currency)} ({ReportFormat.Percent(facet.PercentChange)})";

    /// <summary>The line for the incidents under the materiality floor; empty when there are none.</summary>
    public static string LeftOut(AnomalyReport report)
    {
        var count = report.Incidents?.Count(i => !i.Material) ?? 0;
        var floor = ReportFormat.Rate(IncidentBuilder.MaterialShare);
        return count switch
        {
            0 => "",
            1 => $"1 smaller movement (under {floor} of the chain's usual day) is left out of the findings; it is in the anomalies below.",
            _ => $"{ReportFormat.Integer(count)} smaller movements (each under {floor} of the chain's usual day) are left out of the findings; they are in the anomalies below.",
        };
    }

    /// <summary>Each anomaly's finding number (1 = the first material incident), or 0 for one in an immaterial incident;
    /// anomalies of no incident (a category's basket movement that repeats its revenue movement) are not in it.
    /// Facets are matched by subject and metric, as a stored document holds them as copies.</summary>
    public static Dictionary<(AnomalySubject, string, AnomalyMetric), int> Numbers(IReadOnlyList<Incident> incidents)
    {
        Dictionary<(AnomalySubject, string, AnomalyMetric), int> numbers = [];
        var number = 0;
        foreach (var incident in incidents)
        {
            var assigned = incident.Material ? ++number : 0;
            foreach (var facet in incident.Facets)
            {
                numbers.TryAdd(Key(facet), assigned);
            }
        }

        return numbers;
    }

    public static (AnomalySubject, string, AnomalyMetric) Key(Anomaly anomaly) => (anomaly.Subject, anomaly.SubjectId, anomaly.Metric);

    private static string Who(Anomaly anomaly, int nameLength) =>
        anomaly.Subject == AnomalySubject.Chain ? "Chain" : $"{ReportWords.Subject(anomaly.Subject)} {Clean(anomaly.SubjectId, nameLength)}";

    /// <summary>
    /// One loss-prevention finding in plain words, uploaded text cleaned: <c>Store S1: sale 581483 at 09:15 of
    /// 168,469.60 GBP (80,995 × 23843 Paper craft) was refunded at 09:27 (return C581484), 12 minutes later. A corrected
    /// keying error or a refund to verify.</c>
    /// </summary>
    public static string Loss(LossFinding finding, string currency, int nameLength)
    {
        var store = $"Store {Clean(finding.StoreId, nameLength)}";
        var sku = $"{Clean(finding.Sku, nameLength)} ({Clean(finding.SkuName, nameLength)})";
        return finding.Kind switch
        {
            LossFindingKind.SameDayVoid when finding is { Sale: { } sale, Refund: { } refund } =>
                $"{store}: sale {Clean(sale.Id, nameLength)} at {sale.Timestamp.ToString("HH:mm", CultureInfo.InvariantCulture)} of " +
                $"{ReportFormat.Money(sale.Amount, currency)} ({ReportFormat.Count(sale.TopLine.Quantity)} \u00d7 {sku}) was refunded at " +
                $"{refund.Timestamp.ToString("HH:mm", CultureInfo.InvariantCulture)} (return {Clean(refund.Id, nameLength)}, " +
                $"{ReportFormat.Money(refund.Amount, currency)}), {ReportFormat.Integer(finding.MinutesToRefund ?? 0)} minutes later. " +
                "A corrected keying error or a refund to verify.",
            LossFindingKind.RefundsWithoutSale =>
                $"{store}: {ReportFormat.Integer(finding.Refunds ?? 0)} refunds of {ReportFormat.Money(finding.AtStake, currency)} name no original sale " +
                $"({ReportFormat.Rate(finding.ShareOfStoreRefunds)} of its refunds today; it usually sells {ReportFormat.Money(finding.UsualStoreDay, currency)} a day). " +
                "Returns without a receipt, or refunds to verify.",
            _ =>
                $"{store}: {ReportFormat.Count(finding.Units)} units of {sku} refunded for {ReportFormat.Money(finding.AtStake, currency)}, " +
                $"{ReportFormat.Rate(finding.ShareOfStoreRefunds)} of its refunds today. A product problem (quality, description) or refunds to verify.",
        };
    }

    private static string Clean(string? value, int nameLength) => UntrustedText.Clean(value, nameLength);
}
