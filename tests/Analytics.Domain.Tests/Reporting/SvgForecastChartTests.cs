using System.Text;
using System.Xml.Linq;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

public sealed class SvgForecastChartTests
{
    private static readonly DateOnly Day = new(2025, 6, 18); // a Wednesday: D + 3 is the Saturday

    /// <summary>Sixty actual days ending on D, 1,000 + 10 a day; the week after forecast at 1,500 (1,200 to 1,800),
    /// the Saturday closed.</summary>
    private static readonly IReadOnlyList<DailyRevenue> Actual =
        [.. Enumerable.Range(0, 60).Select(i => new DailyRevenue(Day.AddDays(i - 59), 1_000m + 10m * i, 20, 3))];

    private static EntityForecast Chain(string id = SalesForecaster.ChainId) => new(id, 56, [1m, 1m, 1m, 1m, 1.2m, 0m, 0.8m],
    [
        .. Enumerable.Range(1, 7).Select(h => Day.AddDays(h).DayOfWeek == DayOfWeek.Saturday
            ? new ForecastDay(Day.AddDays(h), 0m, 0m, 0m, true)
            : new ForecastDay(Day.AddDays(h), 1_500m, 1_200m, 1_800m, false)),
    ]);

    private static XElement Render(IReadOnlyList<DailyRevenue> actual, string currency = "USD")
    {
        var html = new StringBuilder();
        SvgForecastChart.Write(html, actual, Chain(), currency);
        return XDocument.Parse(html.ToString()).Root!;
    }

    private static IEnumerable<XElement> All(XElement svg, string name) => svg.Descendants().Where(e => e.Name.LocalName == name);

    [Fact]
    public void Write_SixtyActualDays_BarsForTheLastTwentyEightThenSevenForecastDays()
    {
        var svg = Render(Actual);

        var titled = All(svg, "rect").Where(r => r.HasElements).Select(r => r.Elements().Single().Value).ToList();
        Assert.Equal(SvgForecastChart.ActualDays + 7, titled.Count);
        Assert.Equal("Thursday 2025-05-22: 1,320.00 USD", titled[0]); // D − 27: 1,000 + 10 × 32
        Assert.Equal("Wednesday 2025-06-18: 1,590.00 USD", titled[SvgForecastChart.ActualDays - 1]);
        Assert.Equal("Thursday 2025-06-19: expected 1,500.00 USD (80 %: 1,200.00 to 1,800.00)", titled[SvgForecastChart.ActualDays]);
        Assert.Equal("Saturday 2025-06-21: closed", titled[SvgForecastChart.ActualDays + 2]);
    }

    [Fact]
    public void Write_ForecastWithAClosedDay_ShadesTheBandOverTheOpenDaysAndMarksTheClosedOne()
    {
        var svg = Render(Actual);

        var polylines = All(svg, "polyline").ToList();
        var band = polylines.Single(p => (string?)p.Attribute("fill") != "none");
        var expected = polylines.Single(p => (string?)p.Attribute("fill") == "none");
        Assert.Equal(12, ((string)band.Attribute("points")!).Split(' ').Length); // high then low over the six open days
        Assert.Equal(6, ((string)expected.Attribute("points")!).Split(' ').Length);
        var highs = ((string)band.Attribute("points")!).Split(' ').Take(6).Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        var lows = ((string)band.Attribute("points")!).Split(' ').Skip(6).Select(p => double.Parse(p.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(highs.Zip(lows), p => Assert.True(p.First < p.Second, "high above low (smaller y)"));
        Assert.Single(All(svg, "text"), t => t.Value == "closed" && t.Attribute("transform") is not null); // besides the legend's
    }

    [Fact]
    public void Write_Always_AnAccessibleImageOfOnlyTheReportsMarkup()
    {
        foreach (var actual in new[] { Actual, Actual.Take(5).ToList(), [] })
        {
            var svg = Render(actual, "<GBP>");

            Assert.Equal("img", (string?)svg.Attribute("role"));
            Assert.Equal("sales-forecast", (string?)svg.Attribute("id"));
            Assert.Equal("Chain net revenue forecast, 7 days after 2025-06-18", svg.Elements().First(e => e.Name.LocalName == "title").Value);
            var desc = svg.Elements().First(e => e.Name.LocalName == "desc").Value;
            Assert.Contains("expected over the 7 days: 9,000.00 <GBP>; closed: 2025-06-21.", desc, StringComparison.Ordinal);
            Assert.Subset(new HashSet<string> { "svg", "title", "desc", "g", "rect", "line", "polyline", "text" },
                          svg.DescendantsAndSelf().Select(e => e.Name.LocalName).ToHashSet());
        }
    }
}
