using System.Net;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Reporting;
using Analytics.Domain.Tests.Insights;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>The day's findings in the report and the e-mail (issue 14): material incidents in rank order, an order that
/// makes the day said first with what to verify, smaller movements counted and left to the anomaly list, and a store
/// without a day as "no upload yet".</summary>
public sealed class FindingsReportTests
{
    private const string OrderHeadline =
        "Order ORD-77 at store store-a, 09:15: 400 \u00d7 G1 (Gift box) at 50.00 = 20,000.00 USD on a receipt of 20,050.00 USD (2 lines), " +
        "28.08% of the chain's day (the store usually sells 35,000.00 USD a day). Verify it with the store before acting on today's figures.";

    private const string StoreCHeadline = "Store store-c net revenue drop: 1,400.00 USD against a usual 4,600.00 USD (-69.57%)";

    private const string StoreDHeadline = "Store store-d: no upload yet; it usually sells 3,000.00 USD on this weekday";

    private const string LeftOut = "1 smaller movement (under 5.00% of the chain's usual day) is left out of the findings; it is in the anomalies below.";

    private readonly DailyReportRenderer _renderer = new();

    [Fact]
    public void Reports_StoreDayEndedEarly_SayTheDataMayBeIncompleteBeforeTheFindings()
    {
        var insights = ReportSamples.HandWithFindings();
        insights = insights with { Anomalies = insights.Anomalies! with { IncompleteDays = [new IncompleteDay("store-<b>", 12, 16, 8)] } };

        var rendered = _renderer.Render(insights);

        const string Note = "Incomplete? Store store-<b>'s last sale was in the 12:00 hour, 4 hours before its earliest usual close (16:00 hour): " +
                            "its figures may be partial (an upload sent before closing, or a till that stopped sending), and usual sellers there are not counted as out of stock.";
        var text = ReportAssert.Unwrapped(rendered.Text);
        Assert.True(text.IndexOf(Note, StringComparison.Ordinal) is var at && at > 0 && at < text.IndexOf("Findings (", StringComparison.Ordinal), text);
        Assert.Contains("<p class=\"note\" id=\"incomplete\">Incomplete? Store store-&lt;b&gt;", rendered.Html, StringComparison.Ordinal);
        Assert.True(rendered.Html.IndexOf("id=\"incomplete\"", StringComparison.Ordinal) < rendered.Html.IndexOf("id=\"findings\"", StringComparison.Ordinal));
        Assert.DoesNotContain("store-<b>", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete?", _renderer.Render(ReportSamples.HandWithFindings()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_SameDayVoid_IsListedUnderLossPreventionWithItsReceiptsCleaned()
    {
        var sale = ReportSamples.Order;
        var refund = sale with { Id = "R-<9>", Timestamp = sale.Timestamp.AddMinutes(12) };
        LossFinding void_ = new(LossFindingKind.SameDayVoid, "store-a", AnomalySeverity.High, refund.Amount, "G1", "Gift <box>", 401, sale, refund,
                                35_000.00m, 1m);
        var insights = ReportSamples.HandWithFindings();
        insights = insights with { Anomalies = insights.Anomalies! with { LossFindings = [void_] } };

        var rendered = _renderer.Render(insights);

        const string Line = "Store store-a: sale ORD-77 at 09:15 of 20,050.00 USD (400 \u00d7 G1 (Gift <box>)) was refunded at 09:27 " +
                            "(return R-<9>, 20,050.00 USD), 12 minutes later. A corrected keying error or a refund to verify.";
        var text = ReportAssert.Unwrapped(rendered.Text);
        Assert.Contains("Loss prevention (1):", text, StringComparison.Ordinal);
        Assert.Contains("- [HIGH] " + Line, text, StringComparison.Ordinal);
        Assert.Contains("(return R-&lt;9&gt;, 20,050.00 USD)", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Gift <box>", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_StoresMissingAtTheCutoff_AreNamedBeforeTheFindings()
    {
        var cutoff = new DateTimeOffset(2025, 6, 19, 9, 0, 0, TimeSpan.FromHours(-4));
        UploadCheck missing = new(new DateOnly(2025, 6, 18), 20, 19, ["store-d"], 1, false, true, true, cutoff, cutoff);
        var insights = ReportSamples.HandWithFindings() with { Uploads = missing };

        var rendered = _renderer.Render(insights);

        const string Line = "Uploads: waited until 09:00; no upload from store-d (1 of 20 expected). Their figures are missing from today's totals, not zero.";
        var text = ReportAssert.Unwrapped(rendered.Text);
        Assert.True(text.IndexOf(Line, StringComparison.Ordinal) is var at && at > 0 && at < text.IndexOf("Findings (", StringComparison.Ordinal), text);
        Assert.Contains("id=\"uploads\">Uploads: waited until 09:00; no upload from store-d (1 of 20 expected).", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploads:", _renderer.Render(insights with { Uploads = missing with { Missing = [], MissingCount = 0, Complete = true } }).Text,
                              StringComparison.Ordinal);
        Assert.Contains("Uploads: unknown, the check failed: Lambda.Unknown: timed out. Stores may be missing from today's figures.",
                        ReportAssert.Unwrapped(_renderer.Render(insights with { Uploads = missing with { Unknown = true, Error = "Lambda.Unknown", Cause = "timed out" } }).Text),
                        StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Findings_ListedInRankWithTheirFacetsBeforeEveryAnomaly()
    {
        var raw = _renderer.Render(ReportSamples.HandWithFindings()).Text;
        var text = ReportAssert.Unwrapped(raw);

        Assert.Contains("Findings (3, 3 high), most severe and largest in money first:\n", raw, StringComparison.Ordinal);
        var order = text.IndexOf(" 1. [HIGH] " + OrderHeadline, StringComparison.Ordinal);
        var storeC = text.IndexOf(" 2. [HIGH] " + StoreCHeadline, StringComparison.Ordinal);
        var storeD = text.IndexOf(" 3. [HIGH] " + StoreDHeadline, StringComparison.Ordinal);
        var every = text.IndexOf("Every anomaly, most severe first:", StringComparison.Ordinal);
        Assert.True(0 < order && order < storeC && storeC < storeD && storeD < every, text);
        // The order's facet, and the store's two facets; store-d's one facet is its headline.
        Assert.Contains(" - Store store-a net revenue: 40,000.00 USD against a usual 35,000.00 USD (+14.29%)\n 2. [HIGH]", text, StringComparison.Ordinal);
        Assert.Contains(" - Store store-c net revenue: 1,400.00 USD against a usual 4,600.00 USD (-69.57%)" +
                        " - Store store-c transactions: 45 against a usual 150 (-70.00%)\n 3. [HIGH]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("- Store store-d", text, StringComparison.Ordinal);
        Assert.Contains(LeftOut, text, StringComparison.Ordinal);
        // The smaller movement stays in the full list.
        Assert.Contains(" 5. MEDIUM surge: Category Tea average basket 23.78 USD\n", raw, StringComparison.Ordinal);
        Assert.Contains(" 2. HIGH drop: Store store-d: no upload yet\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OrderLeads_SaidFirstBeforeTheHeadlineFigures()
    {
        var text = ReportAssert.Unwrapped(_renderer.Render(ReportSamples.HandWithFindings()).Text);

        var first = text.IndexOf("FIRST [HIGH]: " + OrderHeadline, StringComparison.Ordinal);
        Assert.InRange(first, 0, text.IndexOf("HEADLINE FIGURES", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_Findings_ListedBeforeTheAnomalyTableWhichMarksEachAnomalysFinding()
    {
        var html = _renderer.Render(ReportSamples.HandWithFindings()).Html;

        var findings = html.IndexOf("<div id=\"findings\"><p><b>3 findings, most severe and largest in money first:</b></p><ul class=\"findings\">", StringComparison.Ordinal);
        var order = html.IndexOf("<li><span class=\"badge p-high\">high</span> " + Encoded(OrderHeadline) + "<ul><li>"
                                 + Encoded("Store store-a net revenue: 40,000.00 USD against a usual 35,000.00 USD (+14.29%)") + "</li></ul></li>", StringComparison.Ordinal);
        var storeC = html.IndexOf("<li><span class=\"badge p-high\">high</span> " + Encoded(StoreCHeadline) + "<ul><li>", StringComparison.Ordinal);
        var storeD = html.IndexOf("<li><span class=\"badge p-high\">high</span> " + Encoded(StoreDHeadline) + "</li>", StringComparison.Ordinal);
        var leftOut = html.IndexOf("<p class=\"more\">" + Encoded(LeftOut) + "</p></div>", StringComparison.Ordinal);
        var table = html.IndexOf("<caption>Anomalies, most severe first", StringComparison.Ordinal);
        Assert.True(0 < findings && findings < order && order < storeC && storeC < storeD && storeD < leftOut && leftOut < table, html);
        Assert.Contains(Encoded("Store store-c transactions: 45 against a usual 150 (-70.00%)"), html, StringComparison.Ordinal);
        // Every anomaly is still in the table, numbered by its finding; the smaller movement says so.
        Assert.Contains("<th scope=\"col\">Finding</th>", html, StringComparison.Ordinal);
        Assert.Contains("Category <b>Tea</b> average basket</td>", html, StringComparison.Ordinal);
        Assert.Equal(["2", "3", "1", "2", "smaller"], FindingColumn(html)); // store-c, store-d, store-a (the order's), store-c, Tea
        ReportAssert.OnlyOwnMarkup(html);
    }

    [Fact]
    public void Html_OrderLeads_SaidAtTheTopOfThePage()
    {
        var html = _renderer.Render(ReportSamples.HandWithFindings()).Html;

        var lead = html.IndexOf("<p class=\"alert\" id=\"lead-finding\"><span class=\"badge p-high\">high</span> " + Encoded(OrderHeadline) +
                                " <a href=\"#findings\">Findings</a></p>", StringComparison.Ordinal);
        Assert.InRange(lead, 0, html.IndexOf("<section id=\"figures\">", StringComparison.Ordinal));
    }

    [Fact]
    public void Html_StoreLeads_NoOrderAtTheTop()
    {
        var insights = ReportSamples.HandWithFindings();
        insights = insights with { Anomalies = insights.Anomalies! with { Incidents = [.. insights.Anomalies.Incidents!.Skip(1)] } };

        var report = _renderer.Render(insights);

        Assert.DoesNotContain("lead-finding", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("FIRST", report.Text, StringComparison.Ordinal);
        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, -3.20% vs last week, 2 findings, 2 high", report.Subject);
    }

    [Fact]
    public void Subject_OrderLeads_NamedInTheLongestWordingThatFits()
    {
        var many = ReportSamples.HandWithFindings();
        var one = many with { Anomalies = many.Anomalies! with { Incidents = [many.Anomalies.Incidents![0]] } };

        // The order is counted among the findings and named with its share; a long id is cut, and the share left out when it does not fit.
        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, 3 findings, verify order ORD-77 (28% of day)", _renderer.Render(many).Subject);
        var oneReport = _renderer.Render(one);
        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, 1 finding, verify order ORD-77 (28% of day)", oneReport.Subject);
        Assert.Contains("\nFindings (1, 1 high):\n 1. [HIGH] Order ORD-77", oneReport.Text, StringComparison.Ordinal);
        Assert.Contains("<div id=\"findings\"><p><b>1 finding:</b></p>", oneReport.Html, StringComparison.Ordinal);
        var longId = one with { Anomalies = one.Anomalies! with { Incidents = [OrderWithId(one.Anomalies.Incidents![0], "INV-2025-06-18-0000123456")] } };
        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, 1 finding, verify order INV-2025-06-...", _renderer.Render(longId).Subject);
    }

    [Fact]
    public void Subject_NoMaterialFinding_SaysSoNotTheAnomalyCount()
    {
        var insights = ReportSamples.HandWithFindings();
        insights = insights with { Anomalies = insights.Anomalies! with { Incidents = [.. insights.Anomalies.Incidents!.Where(i => !i.Material)] } };

        var report = _renderer.Render(insights);

        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, -3.20% vs last week, no material findings", report.Subject);
        Assert.Contains("Findings: none large enough to act on.\n" + LeftOut[..60], report.Text, StringComparison.Ordinal);
        Assert.Contains("<p><b>No findings: no movement is large enough to act on.</b></p><p class=\"more\">", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ReportWrittenBeforeIncidents_AnomaliesAsBefore()
    {
        var report = _renderer.Render(ReportSamples.Hand());

        Assert.Null(ReportSamples.Hand().Anomalies!.Incidents);
        Assert.DoesNotContain("id=\"findings\"", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<th scope=\"col\">Finding</th>", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("largest in money first", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Every anomaly", report.Text, StringComparison.Ordinal);
        Assert.Contains(" 1. HIGH drop: Store store-c net revenue 1,400.00 USD\n", report.Text, StringComparison.Ordinal);
        Assert.EndsWith(", 2 high-severity anomalies", report.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileOrder_EscapedInThePageCleanInTheTextAsciiInTheSubject()
    {
        var report = _renderer.Render(HostileText.Apply(ReportSamples.HandWithFindings()));

        ReportAssert.OnlyOwnMarkup(report.Html);
        Assert.DoesNotContain("<img", report.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Order ORD-77&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;]]&gt;&lt;/svg&gt; URGENT: wire money", report.Html, StringComparison.Ordinal);
        Assert.Contains("(&lt;b&gt;" + new string('W', ReportLimits.HtmlNameLength - 3) + "\u2026)", report.Html, StringComparison.Ordinal);
        var lines = report.Text.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("URGENT", StringComparison.Ordinal));
        Assert.All(report.Text, c => Assert.True(c == '\n' || !char.IsControl(c), $"control character U+{(int)c:X4}"));
        Assert.DoesNotContain('\u202E', report.Text);
        Assert.Contains("Order ORD-77<script>alert(1)</script>", ReportAssert.Unwrapped(report.Text), StringComparison.Ordinal);
        Assert.InRange(report.Subject.Length, 1, ReportLimits.MaxSubjectLength);
        Assert.All(report.Subject, c => Assert.InRange(c, ' ', '~'));
    }

    private static string Encoded(string text) => WebUtility.HtmlEncode(text);

    private static Incident OrderWithId(Incident incident, string id) =>
        incident with { CauseId = id, Order = incident.Order! with { Receipt = incident.Order.Receipt with { Id = id } } };

    /// <summary>The anomaly table's last column, row by row.</summary>
    private static List<string> FindingColumn(string html)
    {
        var table = html[html.IndexOf("<caption>Anomalies, most severe first", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</tbody>", StringComparison.Ordinal)];
        return [.. table.Split("<tr>").Skip(2).Select(row => row[(row.LastIndexOf("<td>", StringComparison.Ordinal) + 4)..row.LastIndexOf("</td>", StringComparison.Ordinal)])];
    }
}

/// <summary>The real retailer's last day, where one order of 80,995 paper craft birdies is most of the day: the e-mail
/// says so first, with what to verify, and the subject names it (issue 14, item 3).</summary>
public sealed class FindingsOnlineRetailReportTests(ITestOutputHelper output)
{
    [SharedDataFact]
    public async Task Render_OneOrderDay_OrderIsSaidFirstWithEverythingToVerifyIt()
    {
        var data = await OnlineRetailSales.LoadOnceAsync();
        var date = new DateOnly(2011, 12, 9);
        var (today, history) = (data.On(date), data.BaselineHistory(date));
        var company = new CompanyMetricsCalculator().Calculate(date, today, history);
        var products = new ProductMetricsCalculator().Calculate(date, today, history);
        var anomalies = new AnomalyDetector().Detect(date, today, history);
        var recommendations = new RecommendationEngine().Recommend(company, products, anomalies, null);
        var insights = new DailyInsights(date, "exec-retail", ReportSamples.StartedAt, "GBP", today.Count, company, products, anomalies, null, recommendations,
                                         ReportSamples.AllSucceeded, [new DailyRevenue(date, company.NetRevenue, company.Totals.Transactions, today.Count)], "");

        var report = new DailyReportRenderer().Render(insights);

        output.WriteLine(report.Subject);
        output.WriteLine(report.Text[..report.Text.IndexOf("HEADLINE FIGURES", StringComparison.Ordinal)]);
        var text = ReportAssert.Unwrapped(report.Text);
        var share = ReportFormat.Rate(anomalies.Incidents![0].Order!.ShareOfChainDay);
        var first = text.IndexOf("FIRST [HIGH]: Order 581483 at store store-uk, 09:15: 80,995 \u00d7 23843 (PAPER CRAFT , LITTLE BIRDIE) at 2.08 = " +
                                 $"168,469.60 GBP, {share} of the chain's day", StringComparison.Ordinal);
        Assert.InRange(first, 0, text.IndexOf("HEADLINE FIGURES", StringComparison.Ordinal));
        Assert.Contains("Verify it with the store before acting on today's figures.", text[first..], StringComparison.Ordinal);
        Assert.Contains(" 1. [HIGH] Order 581483 at store store-uk, 09:15", text, StringComparison.Ordinal);
        Assert.Contains($", verify order 581483 ({decimal.Round(anomalies.Incidents[0].Order!.ShareOfChainDay * 100m):0}% of day)", report.Subject, StringComparison.Ordinal);
        Assert.InRange(report.Subject.Length, 1, ReportLimits.MaxSubjectLength);
    }
}
