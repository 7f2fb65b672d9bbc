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
    public void Bind_SeveralDatesInOneItem_AsTheStackSetsThem_ListsEachAndIgnoresBlanks()
    {
        var options = new AnalysisOptions();

        Section(("Analysis:ClosedDates:0", " 2025-12-25, 2025-12-26 ,,2026-01-01")).Bind(options);

        Assert.Equal([new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26), new DateOnly(2026, 1, 1)], options.ParseClosedDates().Order());
    }

    [Fact]
    public void Bind_TheStacksEmptyDefault_NoClosedDates()
    {
        var options = new AnalysisOptions();

        Section(("Analysis:ClosedDates:0", "")).Bind(options);

        Assert.Empty(options.ParseClosedDates());
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
    [InlineData("2025-12-24,Boxing Day")]
    public void ParseClosedDates_AValueThatIsNotAnIsoDate_FailsNamingItAndItsKey(string value)
    {
        var options = new AnalysisOptions();
        Section(("Analysis:ClosedDates:0", "2025-12-25"), ("Analysis:ClosedDates:1", value)).Bind(options);

        var error = Assert.Throws<InvalidOperationException>(() => options.ParseClosedDates());

        Assert.Equal($"Analysis:ClosedDates:1 has '{value.Split(',')[^1]}', which is not an ISO date (yyyy-MM-dd).", error.Message);
    }

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData(" 23:45 ", 23, 45)]
    [InlineData("00:00", 0, 0)]
    public void ParseUploadCutoff_AnHourAndMinute_IsThatTimeOfDay(string value, int hour, int minute)
    {
        var options = new AnalysisOptions();
        Section(("Analysis:UploadCutoff", value)).Bind(options);

        Assert.Equal(new TimeOnly(hour, minute), options.ParseUploadCutoff());
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void ParseUploadCutoff_EmptyAsTheLocalDefault_NoWaiting(string value)
    {
        var options = new AnalysisOptions();
        Section(("Analysis:UploadCutoff", value)).Bind(options);

        Assert.Null(options.ParseUploadCutoff());
        Assert.Null(new AnalysisOptions().ParseUploadCutoff());
    }

    [Theory]
    [InlineData("9:00")]
    [InlineData("24:00")]
    [InlineData("09:00:00")]
    [InlineData("9am")]
    public void ParseUploadCutoff_NotAnHHmmTime_FailsNamingItAndItsKey(string value)
    {
        var options = new AnalysisOptions { UploadCutoff = value };

        var error = Assert.Throws<InvalidOperationException>(() => options.ParseUploadCutoff(keySeparator: "__"));

        Assert.Equal($"Analysis__UploadCutoff is '{value}', which is not a time of day HH:mm (24-hour, e.g. 09:30).", error.Message);
    }

    [Fact]
    public void SalesForecaster_AClosedDateThatIsNotADate_RefusesToStart()
    {
        var options = new AnalysisOptions();
        options.ClosedDates.Add("2025-13-01");

        var error = Assert.Throws<InvalidOperationException>(() => new SalesForecaster(Options.Create(options)));

        Assert.Contains("Analysis:ClosedDates:0 has '2025-13-01'", error.Message, StringComparison.Ordinal);
    }
}
