using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Reporting;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Reporting;

public sealed class DailyReportRendererTests(ITestOutputHelper output)
{
    private const string Location = "s3://data-bucket/reports/2025-06-18/daily-report.html";
    private readonly DailyReportRenderer _renderer = new();

    [Fact]
    public void Render_HandMadeDay_SubjectHasDateAndHeadline()
    {
        var report = _renderer.Render(ReportSamples.Hand());

        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, -3.20% vs last week, 2 high-severity anomalies", report.Subject);
    }

    [Fact]
    public void Render_HandMadeDay_TextHasFiguresFindingsAndLocation()
    {
        var raw = _renderer.Render(ReportSamples.Hand(), Location).Text;
        var text = ReportAssert.Unwrapped(raw);

        Assert.Contains("Net revenue     71,400.43 USD\n", raw, StringComparison.Ordinal);
        Assert.Matches(@"\n  vs previous day +\+2\.00%  \(was 70,000\.00 USD\)\n", raw);
        Assert.Matches(@"\n  vs last Wednesday +-3\.20%  \(was 73,760\.77 USD\)\n", raw);
        Assert.Matches(@"\n  vs 4-Wednesday average +-0\.83%  \(was 72,000\.00 USD, 4 days\)\n", raw);
        Assert.Contains("Discount rate   0.83%\n", raw, StringComparison.Ordinal);
        Assert.Contains(" 1. HIGH drop: Store store-c net revenue 1,400.00 USD\n", raw, StringComparison.Ordinal);
        Assert.Contains("expected 3,800.00 USD to 5,400.00 USD (median 4,600.00 USD), -69.57%, z=-8.12", text, StringComparison.Ordinal);
        Assert.Contains("contributors: category Tea -1,600.00 (50.00%)", text, StringComparison.Ordinal);
        Assert.Contains(" 2. HIGH drop: Store store-d: no upload yet\n", raw, StringComparison.Ordinal);
        Assert.Contains(" 3. MEDIUM surge: Store store-a net revenue 40,000.00 USD\n", raw, StringComparison.Ordinal);
        Assert.Contains(" 1. [HIGH] Confirm store-d traded\n", raw, StringComparison.Ordinal);
        Assert.Contains("facts: store store-d: Median 3,000.00\n", raw, StringComparison.Ordinal);
        Assert.Contains("store store-c: T1 \"Green Tea\" (Tea), usually 12.00 units and 48.00 USD a day", text, StringComparison.Ordinal);
        Assert.Contains(" 1. C1 \"Espresso Beans 1kg\" (Coffee): 18,500.00 USD, 1,000 units, 25.91% of net revenue", text, StringComparison.Ordinal);
        Assert.Contains("Trend analysis failed", text, StringComparison.Ordinal);
        Assert.Contains("Full report with charts: " + Location + "\n", raw, StringComparison.Ordinal);
        Assert.Contains("No AI model is configured: every finding comes from the built-in statistics.", text, StringComparison.Ordinal);
        Assert.Contains("Analysis run exec-hand, started 2025-06-19 06:00 UTC.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HandMadeDay_HtmlHasFiguresSourcesAndModelNote()
    {
        var html = _renderer.Render(ReportSamples.Hand()).Html;

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"value\" data-metric=\"NetRevenue\">71,400.43 USD</div>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"down\">-3.20%</span> vs last Wednesday <span class=\"was\">(73,760.77 USD)</span>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"model-note\">No AI model is configured: every finding comes from the built-in statistics.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Anomalies <span class=\"badge stats\">from statistics</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Recommendations <span class=\"badge stats\">from statistics</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains("Confirm store-d traded", html, StringComparison.Ordinal);
        Assert.Contains("Espresso Beans 1kg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        ReportAssert.OnlyOwnMarkup(html);
    }

    [Fact]
    public void Render_RealisticChain_HeadlineFiguresAreTheComputedOnes()
    {
        var insights = ReportSamples.Realistic(30);
        var report = _renderer.Render(insights);

        // The simulated chain has no returns: the headline is the one without them.
        foreach (var figure in insights.Company.KeyFigures.Where(f => f.Metric is not (KeyMetric.NetSales or KeyMetric.Returns or KeyMetric.ReturnRate)))
        {
            var value = figure.Metric switch
            {
                KeyMetric.NetRevenue or KeyMetric.AverageBasket => figure.Value.ToString("#,##0.00") + " USD",
                KeyMetric.DiscountRate => (figure.Value * 100).ToString("0.00") + "%",
                _ => figure.Value.ToString("#,##0"),
            };
            Assert.Contains(value, report.Text, StringComparison.Ordinal);
            Assert.Contains($"data-metric=\"{figure.Metric}\">{value}</div>", report.Html, StringComparison.Ordinal);
            foreach (var comparison in figure.Comparisons.Where(c => c.PercentChange is not null))
            {
                var percent = comparison.PercentChange!.Value.ToString("+0.00;-0.00;0.00") + "%";
                Assert.Contains(percent, report.Text, StringComparison.Ordinal);
                Assert.Contains(percent, report.Html, StringComparison.Ordinal);
            }
        }

        Assert.Contains("Store store-00005: no upload yet", report.Text, StringComparison.Ordinal);
        Assert.Contains("Store store-00003 net revenue", report.Text, StringComparison.Ordinal);
        var trend = ReportAssert.SvgDocuments(report.Html).Single(s => (string?)s.Root!.Attribute("id") == "revenue-trend");
        var bars = trend.Descendants().Where(e => e.Name.LocalName == "rect" && e.HasElements).Select(e => e.Elements().Single().Value).ToList();
        Assert.Equal(DailyInsights.RevenueSeriesDays, bars.Count);
        Assert.StartsWith($"Wednesday 2025-06-18: {insights.Company.NetRevenue:#,##0.00} USD, ", bars[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailedSteps_ListedWithTheirErrorsAndTheSubjectSaysSo()
    {
        var insights = ReportSamples.Hand() with
        {
            Anomalies = null,
            Parts = [.. ReportSamples.AllSucceeded.Select(p => p.Section is AnalysisSection.Anomalies or AnalysisSection.Trends
                ? p with { Failed = true, Error = "ThrottlingException", Cause = "Rate exceeded" } : p)],
        };

        var report = _renderer.Render(insights);

        // The clause "1 more step failed" would make the subject 100 characters or longer: SNS refuses that, so it is left out.
        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, -3.20% vs last week, anomaly check failed", report.Subject);
        Assert.Contains("Some analysis steps failed (DetectAnomalies, AnalyzeTrends)", report.Text, StringComparison.Ordinal);
        Assert.Contains("  DetectAnomalies          FAILED  findings from statistics\n      ThrottlingException: Rate exceeded\n", report.Text, StringComparison.Ordinal);
        Assert.Contains("Anomaly detection failed", report.Text, StringComparison.Ordinal);
        Assert.Contains("<p class=\"alert\" role=\"alert\">Some analysis steps failed: DetectAnomalies, AnalyzeTrends.", report.Html, StringComparison.Ordinal);
        Assert.Contains("<b>ThrottlingException</b>: Rate exceeded", report.Html, StringComparison.Ordinal);
        Assert.Contains("<h2>Anomalies <span class=\"badge failed\">step failed</span></h2>", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PartWrittenByModel_MarkedAsSuch()
    {
        var insights = ReportSamples.Hand() with
        {
            Parts = [.. ReportSamples.AllSucceeded.Select(p => p.Section == AnalysisSection.Recommendations ? p with { Source = PartStatus.Model } : p)],
            ModelNote = "An AI model ranked and explained the statistical findings.",
        };

        var report = _renderer.Render(insights);

        Assert.Contains("<h2>Recommendations <span class=\"badge model\">from AI model</span></h2>", report.Html, StringComparison.Ordinal);
        Assert.Contains("<h2>Anomalies <span class=\"badge stats\">from statistics</span></h2>", report.Html, StringComparison.Ordinal);
        Assert.Contains("  GenerateRecommendations  ok      findings from AI model\n", report.Text, StringComparison.Ordinal);
        Assert.Contains("An AI model ranked and explained the statistical findings.", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HistoryTooShort_SaysSoInsteadOfAnomalies()
    {
        var hand = ReportSamples.Hand();
        var insights = hand with { Anomalies = hand.Anomalies! with { HistoryTooShort = true, Note = "Only 2 same-weekday days of history; 4 are needed.", Anomalies = [] } };

        var report = _renderer.Render(insights);

        Assert.EndsWith(", too little history", report.Subject, StringComparison.Ordinal);
        Assert.Contains("Only 2 same-weekday days of history; 4 are needed.", report.Text, StringComparison.Ordinal);
        Assert.Contains("Only 2 same-weekday days of history; 4 are needed.", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SameInsightsTwice_SameReport()
    {
        var insights = ReportSamples.Realistic(20);

        var first = _renderer.Render(insights, Location);
        var second = _renderer.Render(insights, Location);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Render_AnyInsights_SvgChartsAreWellFormedXmlWithTitles()
    {
        foreach (var insights in new[] { ReportSamples.Hand(), ReportSamples.Realistic(30), ReportSamples.Large(500), HostileText.Apply(ReportSamples.Realistic(12)) })
        {
            var svgs = ReportAssert.SvgDocuments(_renderer.Render(insights).Html);

            Assert.Equal(insights.Forecast?.Chain is null ? ["revenue-trend", "store-map", "category-mix"] : ["revenue-trend", "sales-forecast", "store-map", "category-mix"],
                         svgs.Select(s => (string?)s.Root!.Attribute("id")));
            Assert.All(svgs, s =>
            {
                Assert.Equal("img", (string?)s.Root!.Attribute("role"));
                Assert.False(string.IsNullOrWhiteSpace(s.Root.Elements().First(e => e.Name.LocalName == "title").Value));
                Assert.False(string.IsNullOrWhiteSpace(s.Root.Elements().First(e => e.Name.LocalName == "desc").Value));
            });
        }
    }

    [Fact]
    public void Render_TenThousandStores_TextStaysSmallAndEveryStoreIsATile()
    {
        const int Stores = 10_000;
        var insights = ReportSamples.Large(Stores);

        var report = _renderer.Render(insights, Location);

        var textBytes = Encoding.UTF8.GetByteCount(report.Text);
        var htmlBytes = Encoding.UTF8.GetByteCount(report.Html);
        output.WriteLine($"10,000 stores: text {textBytes:N0} bytes, HTML {htmlBytes:N0} bytes");
        Assert.InRange(textBytes, 1, 64 * 1024); // well under the 256 KiB state and 256 KB SNS limits
        Assert.InRange(htmlBytes, 1, 5 * 1024 * 1024);
        var tiles = ReportAssert.SvgDocuments(report.Html).Single(s => (string?)s.Root!.Attribute("id") == "store-map")
            .Descendants().Count(e => e.Name.LocalName == "rect");
        Assert.Equal(Stores, tiles); // 9,900 traded and 100 have not uploaded
        Assert.Contains($"\u2026 and {insights.Anomalies!.Anomalies.Count - ReportLimits.TextAnomalies:N0} more anomalies", report.Text, StringComparison.Ordinal);
        Assert.Contains($"\u2026 and {insights.Recommendations.Count - ReportLimits.TextRecommendations:N0} more recommendations", report.Text, StringComparison.Ordinal);
        Assert.Contains($"\u2026 and {Stores * 3 - ReportLimits.TextMissingSkus:N0} more store/SKU pairs", report.Text, StringComparison.Ordinal);
        Assert.Contains($"\u2026 and {insights.Anomalies.Anomalies.Count - ReportLimits.HtmlAnomalies:N0} more anomalies", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FiftyStores_SizesReported()
    {
        var report = _renderer.Render(ReportSamples.Realistic(50), Location);

        var textBytes = Encoding.UTF8.GetByteCount(report.Text);
        var htmlBytes = Encoding.UTF8.GetByteCount(report.Html);
        output.WriteLine($"50 stores: text {textBytes:N0} bytes, HTML {htmlBytes:N0} bytes");
        Assert.InRange(textBytes, 1, 32 * 1024);
        Assert.InRange(htmlBytes, 1, 512 * 1024);
    }

    [Fact]
    public void Render_TrendsFailedOnly_SubjectCountsTheFailedStep()
    {
        var hand = ReportSamples.Hand();
        var insights = hand with
        {
            Trends = null,
            Parts = [.. ReportSamples.AllSucceeded.Select(p => p.Section == AnalysisSection.Trends ? p with { Failed = true, Error = "States.Timeout" } : p)],
            Anomalies = hand.Anomalies! with { Anomalies = [] },
        };

        Assert.Equal("Daily sales 2025-06-18: net revenue 71,400.43 USD, -3.20% vs last week, no anomalies, 1 step failed",
                     _renderer.Render(insights).Subject);
    }

    [Fact]
    public void Render_StoreMap_ColoursTilesBySeverityAndDirection()
    {
        var svg = ReportAssert.SvgDocuments(_renderer.Render(ReportSamples.Hand()).Html).Single(s => (string?)s.Root!.Attribute("id") == "store-map");

        var tiles = svg.Descendants().Where(e => e.Name.LocalName == "rect")
            .ToDictionary(e => e.Elements().Single().Value.Split(':', ' ')[0], e => (string?)e.Attribute("class"));
        Assert.Equal(new Dictionary<string, string?> { ["store-a"] = "t-ms", ["store-b"] = "t-n", ["store-c"] = "t-hd", ["store-d"] = "t-x" }, tiles);
    }
}
