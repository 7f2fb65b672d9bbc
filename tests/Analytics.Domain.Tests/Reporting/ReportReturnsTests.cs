using Analytics.Domain.Insights;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>Returns in the report: the headline reads sales, returns, net revenue and the return rate, and a day
/// with returns names the stores and categories with the highest return rates; a chain without returns gets the
/// report it always had. Figures from <see cref="ReportSamples.HandWithReturns"/>.</summary>
public sealed class ReportReturnsTests
{
    private readonly DailyReportRenderer _renderer = new();

    [Fact]
    public void Render_DayWithReturns_TextHeadlineReadsSalesReturnsNetRevenueAndRate()
    {
        var text = _renderer.Render(ReportSamples.HandWithReturns()).Text;

        var sales = text.IndexOf("Sales           71,400.43 USD\n", StringComparison.Ordinal);
        var returns = text.IndexOf("Returns         1,400.00 USD\n", StringComparison.Ordinal);
        var revenue = text.IndexOf("Net revenue     70,000.43 USD\n", StringComparison.Ordinal);
        Assert.True(sales >= 0 && sales < returns && returns < revenue, $"sales {sales}, returns {returns}, net revenue {revenue}");
        Assert.Contains("Return rate     1.96%\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n  vs last Wednesday +\+100\.00%  \(was 700\.00 USD\)\n", text);
        Assert.Matches(@"\n  vs last Wednesday +\+96\.00%  \(was 1\.00%\)\n", text);
    }

    [Fact]
    public void Render_DayWithReturns_TextListsHighestReturnRatesFirst()
    {
        var text = _renderer.Render(ReportSamples.HandWithReturns()).Text;

        Assert.Contains("RETURNS\n=======\n1,400.00 USD refunded in 40 return transactions (52 units): 1.96% of sales of 71,400.43 USD; " +
                        "net revenue 70,000.43 USD.\n", ReportAssert.Unwrapped(text), StringComparison.Ordinal);
        Assert.Contains("Highest return rates, stores:\n" +
                        "  - store-c: 12.50%, 200.00 USD refunded\n" +
                        "  - store-b: 3.23% (last week 1.00%), 1,000.00 USD refunded\n" +
                        "  - store-a: 0.50% (last week 0.40%), 200.00 USD refunded\n", text, StringComparison.Ordinal);
        Assert.Contains("Highest return rates, categories:\n" +
                        "  - Tea: 4.46% (last week 1.00%), 1,000.00 USD refunded\n" +
                        "  - Coffee: 0.79%, 400.00 USD refunded\n", text, StringComparison.Ordinal);
        Assert.Contains(" 1. T9 \"Matcha Tin\" (Tea): 300.00 USD refunded, 30 units back\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DayWithReturns_PageShowsReturnCardsAndTables()
    {
        var html = _renderer.Render(ReportSamples.HandWithReturns()).Html;

        Assert.Contains("data-metric=\"NetSales\">71,400.43 USD</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"Returns\">1,400.00 USD</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"NetRevenue\">70,000.43 USD</div>", html, StringComparison.Ordinal);
        Assert.Contains("data-metric=\"ReturnRate\">1.96%</div>", html, StringComparison.Ordinal);
        var section = html[html.IndexOf("<section id=\"returns\">", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains("<caption>Stores by return rate</caption>", section, StringComparison.Ordinal);
        Assert.True(section.IndexOf(">store-c<", StringComparison.Ordinal) < section.IndexOf(">store-b<", StringComparison.Ordinal));
        Assert.Contains("<td>store-b</td><td class=\"n\">3.23%</td><td class=\"n\">1.00%</td><td class=\"n\">1,000.00</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td>Tea</td><td class=\"n\">4.46%</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td>Matcha Tin</td>", section, StringComparison.Ordinal);
        ReportAssert.OnlyOwnMarkup(html);
    }

    [Fact]
    public void Render_ReturnRateFinding_ReadsAsRatesAndLeavesTheStoreTileUncoloured()
    {
        var hand = ReportSamples.HandWithReturns();
        var rise = new Anomaly(AnomalySubject.Store, "store-b", AnomalyMetric.ReturnRate, AnomalySeverity.High, 0.0323m, 0.0100m, 0m, 0.0600m, 3.9, 223.00m, 8, []);
        var insights = hand with { Anomalies = hand.Anomalies! with { Anomalies = [.. hand.Anomalies.Anomalies, rise] } };

        var report = _renderer.Render(insights);

        var text = ReportAssert.Unwrapped(report.Text);
        Assert.Contains("HIGH surge: Store store-b return rate 3.23%\n", report.Text, StringComparison.Ordinal);
        Assert.Contains("expected 0.00% to 6.00% (median 1.00%), +223.00%, z=+3.90", text, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">3.23%</td><td class=\"n\">0.00% \u2013 6.00%</td><td class=\"n\">1.00%</td>", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("store-b: 30,000.43 USD, rank 2, -1.00% vs last week \u2014", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DayWithoutReturns_ReportIsAsBeforeReturns()
    {
        var report = _renderer.Render(ReportSamples.Hand());

        Assert.DoesNotContain("Return", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("RETURNS", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sales    ", report.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"returns\"", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-metric=\"ReturnRate\"", report.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileNamesInReturns_StayEncodedAndCannotForgeLines()
    {
        var report = _renderer.Render(HostileText.Apply(ReportSamples.HandWithReturns()));

        ReportAssert.OnlyOwnMarkup(report.Html);
        Assert.DoesNotContain(HostileText.Script, report.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<td>store-c&lt;script&gt;alert(1)", report.Html, StringComparison.Ordinal);
        var lines = report.Text.Split('\n');
        Assert.DoesNotContain(lines, l => l.StartsWith("URGENT", StringComparison.Ordinal));
        Assert.Contains("  - store-c<script>alert(1)</script>", report.Text, StringComparison.Ordinal);
    }
}
