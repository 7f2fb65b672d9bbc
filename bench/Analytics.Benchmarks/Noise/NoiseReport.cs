using System.Globalization;
using System.Text;
using Analytics.Domain.Insights;

namespace Analytics.Benchmarks.Noise;

/// <summary>
/// The benchmark's plain-text table: findings (<see cref="Findings"/>) and recommendations per day, severity,
/// "no sales" findings, what leads on the listed days, which rules make the most findings, and issue 14's goals as
/// PASS/FAIL lines. With returns booked, also the loss-prevention findings (<see cref="LossPreventionFinder"/>): their
/// count, and the listed days' same-day voids. Medians are the middle value (the mean of the two middle ones for an even count); the 90th
/// percentile is the nearest rank.
/// </summary>
internal static class NoiseReport
{
    /// <summary>The store whose "no sales" findings must disappear (it trades on about half the days).</summary>
    public const string IntermittentStore = "store-eire";

    /// <summary>Recommendations that advise building on a rise: none may follow from a single order.</summary>
    public static readonly IReadOnlySet<RecommendationKind> GrowthAdvice = new HashSet<RecommendationKind>
    {
        RecommendationKind.LearnFromStoreSurge, RecommendationKind.LeanIntoCategorySurge, RecommendationKind.PlanCategoryGrowth,
    };

    /// <param name="everyDay">Also list every day's findings (for tuning the rules).</param>
    public static string Render(IReadOnlyList<DayAnalysis> days, bool everyDay = false)
    {
        var listedDates = ListedDay.All.Select(l => l.Date).ToHashSet();
        var findings = days.ToDictionary(d => d.Date, Findings.Of);
        var ordinary = days.Where(d => !listedDates.Contains(d.Date)).ToList();
        var all = findings.Values.SelectMany(f => f).ToList();
        var high = all.Count(f => f.High);
        var noSales = all.Where(f => f.NoSales).ToList();
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"{"Per day",-30} {"days",5} {"median",7} {"p90",5} {"max",5}");
        foreach (var (name, set) in new[] { ("ordinary days", ordinary), ("all days", days.ToList()) })
        {
            var perDay = set.Select(d => findings[d.Date].Count).ToList();
            var recommendations = set.Select(d => d.Recommendations.Count).ToList();
            Line($"{"findings, " + name,-30} {set.Count,5} {Median(perDay),7:0.#} {Percentile90(perDay),5} {Max(perDay),5}");
            Line($"{"recommendations, " + name,-30} {set.Count,5} {Median(recommendations),7:0.#} {Percentile90(recommendations),5} {Max(recommendations),5}");
        }

        text.AppendLine();
        Line($"High findings: {high} of {all.Count} ({Percent(high, all.Count)}%); days with at least one High: {days.Count(d => findings[d.Date].Any(f => f.High))} of {days.Count}");
        var incomplete = days.Where(Findings.FlaggedIncomplete).ToList();
        Line($"Days flagged incomplete: {incomplete.Count} ({string.Join(", ", incomplete.Take(12).Select(d => $"{d.Date:yyyy-MM-dd} {string.Join("/", d.Anomalies.IncompleteDays!.Select(s => $"{s.StoreId} last sale {s.LastSaleHour}h, usually from {s.EarliestUsualLastHour}h"))}"))}{(incomplete.Count > 12 ? ", ..." : "")})");
        Line($"\"No sales\" findings: {noSales.Count} on {days.Count(d => findings[d.Date].Any(f => f.NoSales))} days; {IntermittentStore}: {noSales.Count(f => f.StoreId == IntermittentStore)}");
        var withReturns = days.Any(d => d.Stores.Any(s => s.Totals.Returns > 0m));
        if (withReturns)
        {
            var losses = days.SelectMany(d => d.Anomalies.LossFindings ?? []).ToList();
            Line($"Loss-prevention findings: {losses.Count} on {days.Count(d => d.Anomalies.LossFindings is { Count: > 0 })} days ({losses.Count(f => f.Kind == LossFindingKind.SameDayVoid)} same-day voids, {losses.Count(f => f.Kind == LossFindingKind.SkuReturns)} SKU returns, {losses.Count(f => f.Kind == LossFindingKind.RefundsWithoutSale)} refunds without a sale; {losses.Count(f => f.Severity == AnomalySeverity.High)} high)");
        }

        text.AppendLine();
        AppendListedDays(text, days, findings, withReturns);
        text.AppendLine();
        AppendCounts(text, "Anomalies by rule (subject, metric, severity, direction), all days:",
            days.SelectMany(d => d.Anomalies.Anomalies).Select(a => $"{a.Subject} {a.Metric} {a.Severity} {(a.Value >= a.Median ? "up" : "down")}"));
        var baskets = days.SelectMany(d => d.Anomalies.Anomalies.Where(a => a.Subject == AnomalySubject.Category && a.Metric == AnomalyMetric.AverageBasket)
            .Select(a => d.Anomalies.Anomalies.Any(r => r.Subject == AnomalySubject.Category && r.Metric == AnomalyMetric.NetRevenue && r.SubjectId == a.SubjectId))).ToList();
        Line($"Category basket anomalies beside a revenue anomaly of the same category and day: {baskets.Count(b => b)} of {baskets.Count} ({Percent(baskets.Count(b => b), baskets.Count)}%)");
        AppendCounts(text, "Recommendations by kind, all days (as the top one / in all):",
            days.SelectMany(d => d.Recommendations).Select(r => r.Kind.ToString()),
            days.SelectMany(d => d.Recommendations.Take(1)).Select(r => r.Kind.ToString()));
        text.AppendLine();
        AppendGoals(text, days, findings, ordinary);
        if (everyDay)
        {
            text.AppendLine().AppendLine("Every day's findings:");
            foreach (var day in days)
            {
                Line($"{day.Date:yyyy-MM-dd} {day.Date.DayOfWeek.ToString()[..3]}: {findings[day.Date].Count}");
                foreach (var finding in findings[day.Date])
                {
                    Line($"    {finding.Title}");
                }
            }
        }

        return text.ToString();
    }

    /// <param name="withReturns">Also list each day's same-day voids (returns were booked).</param>
    private static void AppendListedDays(StringBuilder text, IReadOnlyList<DayAnalysis> days, Dictionary<DateOnly, IReadOnlyList<Finding>> findings, bool withReturns)
    {
        foreach (var listed in ListedDay.All)
        {
            text.Append(CultureInfo.InvariantCulture, $"{listed.Date:yyyy-MM-dd} ({listed.What}):");
            if (days.FirstOrDefault(d => d.Date == listed.Date) is not { } day)
            {
                text.AppendLine(" no sales in the data set, not analysed");
                continue;
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {findings[day.Date].Count} findings, {day.Recommendations.Count} recommendations");
            text.AppendLine(CultureInfo.InvariantCulture, $"    top finding:        {(findings[day.Date] is [var finding, ..] ? finding.Title : "none")}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    top recommendation: {(day.Recommendations is [var first, ..] ? first.Title : "none")}");
            text.AppendLine(CultureInfo.InvariantCulture, $"    growth advice:      {Join(day.Recommendations.Where(r => GrowthAdvice.Contains(r.Kind)).Select(r => r.Title))}");
            if (listed.StoreId is { } store)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"    about {store}:   {Join(findings[day.Date].Where(f => f.StoreId == store).Select(f => f.Title))} ({day.Anomalies.StoresWithShortHistory} stores skipped for short history)");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"    flagged incomplete: {(Findings.FlaggedIncomplete(day) ? "yes" : "no")}");
            if (withReturns)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"    same-day voids:     {Join((day.Anomalies.LossFindings ?? []).Where(f => f.Kind == LossFindingKind.SameDayVoid).Select(f => f.Describe()))}");
            }
        }
    }

    private static void AppendCounts(StringBuilder text, string title, IEnumerable<string> items, IEnumerable<string>? top = null)
    {
        text.AppendLine(title);
        var topCounts = top?.CountBy(k => k).ToDictionary(p => p.Key, p => p.Value);
        foreach (var (key, count) in items.CountBy(k => k).OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var first = topCounts is null ? "" : $"{topCounts.GetValueOrDefault(key),5} / ";
            text.AppendLine(CultureInfo.InvariantCulture, $"    {key,-40} {first}{count,5}");
        }
    }

    private static void AppendGoals(StringBuilder text, IReadOnlyList<DayAnalysis> days, Dictionary<DateOnly, IReadOnlyList<Finding>> findings, List<DayAnalysis> ordinary)
    {
        void Goal(bool pass, string goal, FormattableString measured) =>
            text.AppendLine(CultureInfo.InvariantCulture, $"{(pass ? "PASS" : "FAIL")}  {goal,-58} {measured.ToString(CultureInfo.InvariantCulture)}");

        var perDay = ordinary.Select(d => findings[d.Date].Count).ToList();
        var all = findings.Values.SelectMany(f => f).ToList();
        var eire = all.Count(f => f.NoSales && f.StoreId == IntermittentStore);
        text.AppendLine("Goals of issue 14:");
        Goal(Median(perDay) <= 1, "ordinary days: median findings <= 1", $"{Median(perDay):0.#}");
        Goal(Percentile90(perDay) <= 3, "ordinary days: 90th percentile of findings <= 3", $"{Percentile90(perDay)}");
        Goal(all.Count == 0 || 5 * all.Count(f => f.High) <= all.Count, "High <= 20% of findings", $"{Percent(all.Count(f => f.High), all.Count)}%");
        Goal(eire == 0, $"no \"no sales\" finding for {IntermittentStore}", $"{eire}");
        foreach (var listed in ListedDay.All.Where(l => l.IsOneOrderDay))
        {
            var day = days.FirstOrDefault(d => d.Date == listed.Date);
            var leads = day is not null && LeadsWith(day, findings[day.Date], listed);
            Goal(leads, $"{listed.Date:yyyy-MM-dd} leads with order {listed.TransactionId} / SKU {listed.Sku}", $"{(day is null ? "not analysed" : leads ? "named" : "not named")}");
            var growth = day is null ? 0 : GrowthAdviceFor(day, listed);
            Goal(day is not null && growth == 0, $"{listed.Date:yyyy-MM-dd} gives no growth advice for it", $"{growth} growth recommendations on what it moved");
        }

        var partial = days.FirstOrDefault(d => d.Date == ListedDay.PartialDay);
        Goal(partial is not null && Findings.FlaggedIncomplete(partial), $"{ListedDay.PartialDay:yyyy-MM-dd} flagged incomplete",
             $"{(partial is null ? "not analysed" : Findings.FlaggedIncomplete(partial) ? "yes" : "no")}");
    }

    /// <summary>Growth advice on what the listed order moved: its store, its SKU's category, and every subject of the
    /// incident it leads (all growth advice of the day when no incident names it).</summary>
    private static int GrowthAdviceFor(DayAnalysis day, ListedDay listed)
    {
        var incident = day.Anomalies.Incidents?.FirstOrDefault(i => i.Order?.Receipt.Id == listed.TransactionId);
        var advice = day.Recommendations.Where(r => GrowthAdvice.Contains(r.Kind));
        if (incident is null)
        {
            return advice.Count();
        }

        HashSet<string> moved = [incident.Order!.StoreId, incident.Order.Receipt.TopLine.Category, .. incident.Facets.Select(a => a.SubjectId)];
        return advice.Count(r => moved.Contains(r.SubjectId));
    }

    /// <summary>The top finding's mentions, or the top recommendation's title, action or facts, name the order's
    /// transaction id or SKU.</summary>
    private static bool LeadsWith(DayAnalysis day, IReadOnlyList<Finding> findings, ListedDay listed)
    {
        string[] ids = [listed.TransactionId!, listed.Sku!];
        var finding = findings.Count > 0 && findings[0].Mentions.Any(m => ids.Contains(m, StringComparer.Ordinal));
        var recommendation = day.Recommendations is [var top, ..]
            && (top.Facts.Any(f => ids.Contains(f.SubjectId, StringComparer.Ordinal))
                || ids.Any(id => top.Title.Contains(id, StringComparison.Ordinal) || top.Action.Contains(id, StringComparison.Ordinal)));
        return finding || recommendation;
    }

    private static decimal Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0m;
        }

        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2m;
    }

    private static int Percentile90(List<int> values) =>
        values.Count == 0 ? 0 : values.Order().ElementAt((int)Math.Ceiling(0.9 * values.Count) - 1);

    private static int Max(List<int> values) => values.Count == 0 ? 0 : values.Max();

    private static string Percent(int part, int whole) => whole == 0 ? "n/a" : (100m * part / whole).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<string> titles) => titles.ToList() is { Count: > 0 } list ? string.Join("; ", list) : "none";
}
