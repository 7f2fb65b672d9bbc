using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Analytics.Domain.Tests.Analysis;

public sealed class AnalysisOptionsTests
{
    private static IConfigurationSection Section(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build()
            .GetSection(AnalysisOptions.Section);

    [Fact]
    public void Bind_ClosedDatesAsIsoDates_ListsThemInOrder()
    {
        var options = new AnalysisOptions();

        Section(("Analysis:ClosedDates:0", "2025-12-25"), ("Analysis:ClosedDates:1", "2026-01-01")).Bind(options);

        Assert.Equal([new DateOnly(2025, 12, 25), new DateOnly(2026, 1, 1)], options.ParseClosedDates().Order());
    }

    [Fact]
    public void Bind_NoClosedDates_Empty()
    {
        var options = new AnalysisOptions();

        Section(("Analysis:TimeZone", "Europe/London")).Bind(options);

        Assert.Empty(options.ParseClosedDates());
        Assert.Equal("Europe/London", options.TimeZone);
    }

    [Theory]
    [InlineData("Christmas")]
    [InlineData("25/12/2025")]
    [InlineData("2025-02-30")]
    public void ParseClosedDates_AValueThatIsNotAnIsoDate_FailsNamingItAndItsKey(string value)
    {
        var options = new AnalysisOptions();
        Section(("Analysis:ClosedDates:0", "2025-12-25"), ("Analysis:ClosedDates:1", value)).Bind(options);

        var error = Assert.Throws<InvalidOperationException>(options.ParseClosedDates);

        Assert.Equal($"Analysis:ClosedDates:1 is '{value}', which is not an ISO date (yyyy-MM-dd).", error.Message);
    }

    [Fact]
    public void SalesForecaster_AClosedDateThatIsNotADate_RefusesToStart()
    {
        var options = new AnalysisOptions();
        options.ClosedDates.Add("2025-13-01");

        var error = Assert.Throws<InvalidOperationException>(() => new SalesForecaster(Options.Create(options)));

        Assert.Contains("Analysis:ClosedDates:0 is '2025-13-01'", error.Message, StringComparison.Ordinal);
    }
}
