using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>The forecast section of the e-mail and the page: the chain's seven days with their intervals, the chart,
/// the categories by expected revenue; a failed step says so; a document from before ForecastSales has no section.</summary>
public sealed class ForecastReportTests
{
    private static readonly DateOnly Day = ReportSamples.Day; // a Wednesday
    private readonly DailyReportRenderer _renderer = new();

    private static EntityForecast Entity(string id, decimal expected) => new(id, 28, [1m, 1m, 1m, 1m, 1m, 0m, 1m],
    [
        .. Enumerable.Range(1, 7).Select(i => Day.AddDays(i)).Select(d => d.DayOfWeek == DayOfWeek.Saturday
            ? new ForecastDay(d, 0m, 0m, 0m, Closed: true)
            : new ForecastDay(d, expected, expected - 100m, expected + 250m, Closed: false)),
    ]);

    private static readonly ForecastReport Forecast = new(Day, SalesForecaster.MethodName, Entity(SalesForecaster.ChainId, 70_000m),
        [Entity("store-a", 40_000m), Entity("store-b", 30_000m)], [Entity("Snacks", 1_000m), Entity("Coffee", 50_000m), Entity("Tea", 19_000m)], 3, 0);

    private static DailyInsights With(ForecastReport? forecast, bool failed = false) => ReportSamples.Hand() with
    {
        Forecast = forecast,
        Parts = [.. ReportSamples.AllSucceeded, new PartStatus(AnalysisSection.Forecast, "ForecastSales", failed, PartStatus.Statistics, failed ? "StepTimeoutException" : null)],
    };

    [Fact]
    public void Render_Forecast_TextListsTheChainsDaysWithIntervalsAndTheCategoriesByExpectedRevenue()
    {
        var text = _renderer.Render(With(Forecast)).Text;

        Assert.Contains("SALES FORECAST, NEXT 7 DAYS", text.ToUpperInvariant(), StringComparison.Ordinal);
        Assert.Contains("  Thursday  2025-06-19       70,000.00  (69,900.00\u201370,250.00)\n", text, StringComparison.Ordinal);
        Assert.Contains("  Saturday  2025-06-21  closed\n", text, StringComparison.Ordinal);
        Assert.Contains("  7 days                   420,000.00\n", text, StringComparison.Ordinal);
        var coffee = text.IndexOf("  Coffee ", StringComparison.Ordinal);
        Assert.True(coffee >= 0 && coffee < text.IndexOf("  Tea ", StringComparison.Ordinal) && coffee < text.IndexOf("  Snacks ", StringComparison.Ordinal), text);
        Assert.Contains("2 stores and 3 categories forecast (3 stores and 0 categories left out", ReportAssert.Unwrapped(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Forecast_HtmlHasTheChartTheDaysAndItsOwnMarkupOnly()
    {
        var html = _renderer.Render(With(Forecast)).Html;

        Assert.Contains("<h2>Sales forecast, next 7 days <span class=\"badge stats\">from statistics</span></h2>", html, StringComparison.Ordinal);
        Assert.Contains(ReportAssert.SvgDocuments(html), s => (string?)s.Root!.Attribute("id") == "sales-forecast");
        Assert.Contains("<td>Saturday 2025-06-21</td><td class=\"n\">closed</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"n\">69,900.00\u201370,250.00</td>", html, StringComparison.Ordinal);
        ReportAssert.OnlyOwnMarkup(html);
    }

    [Fact]
    public void Render_ForecastStepFailed_BothSayItFailed()
    {
        var report = _renderer.Render(With(null, failed: true));

        Assert.Contains("The forecast failed: none today (see ANALYSIS STEPS).", report.Text, StringComparison.Ordinal);
        Assert.Contains("<h2>Sales forecast, next 7 days <span class=\"badge failed\">step failed</span></h2><p>The forecast failed", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain(ReportAssert.SvgDocuments(report.Html), s => (string?)s.Root!.Attribute("id") == "sales-forecast");
    }

    [Fact]
    public void Render_ChainWithTooLittleHistory_SaysSoAndStillListsCategories()
    {
        var report = _renderer.Render(With(Forecast with { Chain = null }));

        Assert.Contains($"The chain has too little history for a forecast (it needs {SalesForecaster.MinimumHistoryDays} days of it).", report.Text, StringComparison.Ordinal);
        Assert.Contains("Coffee", report.Html[report.Html.IndexOf("id=\"forecast\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DocumentFromBeforeTheForecast_HasNoForecastSection()
    {
        var report = _renderer.Render(ReportSamples.Hand());

        Assert.DoesNotContain("forecast", report.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("id=\"forecast\"", report.Html, StringComparison.Ordinal);
    }
}
