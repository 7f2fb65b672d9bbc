using System.Globalization;
using Analytics.Domain;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace Analytics.Functions.Tests.DailyAnalysis;

public sealed class CheckUploadsStepTests
{
    private static readonly DateOnly Date = new(2025, 1, 15);
    private const string Zone = "America/New_York";
    private static readonly DateTimeOffset SixInTheMorning = At("2025-01-16T11:00:00Z"); // 06:00 in New York, the schedule
    private static readonly DateTimeOffset CutoffInstant = At("2025-01-16T14:00:00Z"); // 09:00 in New York

    private readonly ISalesStore _sales = Substitute.For<ISalesStore>();
    private readonly Dictionary<DateOnly, List<StoreDaySummary>> _days = [];
    private readonly FakeTimeProvider _clock = new(SixInTheMorning);

    public CheckUploadsStepTests() =>
        _sales.GetDayAsync(Arg.Any<DateOnly>(), SalesDetail.TotalsOnly, Arg.Any<CancellationToken>())
            .Returns(call => (IReadOnlyList<StoreDaySummary>)[.. _days.GetValueOrDefault(call.Arg<DateOnly>()) ?? []]);

    private static DateTimeOffset At(string instant) => DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);

    private CheckUploadsStep CreateStep(string cutoff = "09:00") =>
        new(_sales, new SalesHistoryLoader(_sales), new AnomalyDetector(),
            Options.Create(new AnalysisOptions { TimeZone = Zone, UploadCutoff = cutoff }), _clock, NullLogger<CheckUploadsStep>.Instance);

    private static CheckUploadsInput Input(DateTimeOffset? checkedAt = null) =>
        new(new AnalysisRequest(null), SixInTheMorning, checkedAt);

    /// <summary>Stores that traded on each of the eight same weekdays before <see cref="Date"/>: expected to upload.</summary>
    private void GivenRegulars(params string[] stores)
    {
        foreach (var week in Enumerable.Range(1, 8))
        {
            Trading(Date.AddDays(-7 * week), stores);
        }
    }

    private void Trading(DateOnly date, params string[] stores)
    {
        if (!_days.TryGetValue(date, out var day))
        {
            _days[date] = day = [];
        }

        day.AddRange(stores.Select(s => DailyData.StoreDay(s, date, 100m)));
    }

    [Fact]
    public async Task HandleAsync_EveryExpectedStoreUploaded_IsCompleteAndNamesNobody()
    {
        GivenRegulars("store-1", "store-2", "store-3");
        Trading(Date.AddDays(-7), "store-occasional");
        Trading(Date, "store-1", "store-2", "store-3");

        var check = await CreateStep().HandleAsync(Input(), CancellationToken.None);

        Assert.Equal((Date, 3, 3, 0, true), (check.Date, check.Expected, check.Arrived, check.MissingCount, check.Complete));
        Assert.Empty(check.Missing);
        Assert.Equal("uploads complete: all 3 expected stores have sent 2025-01-15 (3 stores in all)", check.Describe());
    }

    [Fact]
    public async Task HandleAsync_ExpectedStoresMissingBeforeTheCutoff_NamesThemAndWaits()
    {
        GivenRegulars("store-1", "store-2", "store-3");
        Trading(Date, "store-1", "store-occasional");

        var check = await CreateStep().HandleAsync(Input(), CancellationToken.None); // no entered time: the clock's 06:00

        Assert.Equal((3, 2, false, false), (check.Expected, check.Arrived, check.Complete, check.CutoffPassed));
        Assert.Equal(["store-2", "store-3"], check.Missing);
        Assert.Equal(CutoffInstant, check.Cutoff);
        Assert.Equal(TimeSpan.FromHours(-5), check.Cutoff!.Value.Offset); // the chain's local time
        Assert.Equal("waiting until 09:00; no upload yet from store-2, store-3 (2 of 3 expected)", check.Describe());
    }

    [Fact]
    public async Task HandleAsync_ExpectedStoreMissingAtTheCutoff_StopsWaitingAndSaysWhoIsMissing()
    {
        GivenRegulars("store-1", "store-2");
        Trading(Date, "store-1");

        var check = await CreateStep().HandleAsync(Input(checkedAt: CutoffInstant), CancellationToken.None); // the state's entered time

        Assert.Equal((false, true, true), (check.Complete, check.CutoffPassed, check.Waited));
        Assert.Equal(["store-2"], check.Missing);
        Assert.Equal(CutoffInstant, check.CheckedAt);
        Assert.Equal("waited until 09:00; no upload from store-2 (1 of 2 expected)", check.Describe());
    }

    [Fact]
    public async Task HandleAsync_ClockPastTheCutoffWithoutAnEnteredTime_StopsWaiting()
    {
        GivenRegulars("store-1", "store-2");
        _clock.SetUtcNow(CutoffInstant.AddMinutes(1));

        var check = await CreateStep().HandleAsync(Input(), CancellationToken.None);

        Assert.True(check.CutoffPassed);
        Assert.Equal(2, check.MissingCount);
    }

    [Fact]
    public async Task HandleAsync_NoHistory_NothingIsExpectedSoTheUploadsAreComplete()
    {
        Trading(Date, "store-1");

        var check = await CreateStep().HandleAsync(Input(), CancellationToken.None);

        Assert.Equal((0, 1, true), (check.Expected, check.Arrived, check.Complete));
        Assert.Empty(check.Missing);
    }

    [Fact]
    public async Task HandleAsync_NoCutoffSet_DoesNotWaitButStillSaysWhoIsMissing()
    {
        GivenRegulars("store-1", "store-2");
        Trading(Date, "store-2");

        var check = await CreateStep(cutoff: "").HandleAsync(Input(), CancellationToken.None);

        Assert.Equal((false, true, null), (check.Complete, check.CutoffPassed, check.Cutoff));
        Assert.Equal("no upload cut-off set, did not wait; no upload from store-1 (1 of 2 expected)", check.Describe());
        var json = System.Text.Json.JsonSerializer.Serialize(check, StepJsonContext.Default.UploadCheck); // as the state carries it
        Assert.DoesNotContain("cutoff\"", json, StringComparison.Ordinal);
        Assert.Equal(check.Describe(), System.Text.Json.JsonSerializer.Deserialize(json, StepJsonContext.Default.UploadCheck)!.Describe());
    }

    [Fact]
    public async Task HandleAsync_ARunStartedAfterTheCutoff_SaysTheCutoffHadPassedRatherThanThatItWaited()
    {
        var lastWeek = Date.AddDays(-7);
        foreach (var week in Enumerable.Range(1, 8))
        {
            Trading(lastWeek.AddDays(-7 * week), "store-1");
        }

        var rerun = new CheckUploadsInput(new AnalysisRequest(IsoDate.Format(lastWeek)), SixInTheMorning, SixInTheMorning);

        var check = await CreateStep().HandleAsync(rerun, CancellationToken.None);

        Assert.Equal((lastWeek, false, true, false), (check.Date, check.Complete, check.CutoffPassed, check.Waited));
        Assert.StartsWith("the upload cut-off 09:00 had passed when the run started; no upload from", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ManyMissing_NamesTheFirstHundredAndCountsTheRest()
    {
        var stores = Enumerable.Range(1, 150).Select(i => $"store-{i:D3}").ToArray();
        GivenRegulars(stores);

        var check = await CreateStep().HandleAsync(Input(), CancellationToken.None);

        Assert.Equal(CheckUploadsStep.MaxListed, check.Missing.Count);
        Assert.Equal((150, "store-001", "store-100"), (check.MissingCount, check.Missing[0], check.Missing[^1]));
        Assert.Contains("store-100 and 50 more (150 of 150 expected)", check.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_SalesStoreThrottled_LetsTheExceptionEscapeForTheRetry()
    {
        _sales.GetDayAsync(Arg.Any<DateOnly>(), Arg.Any<SalesDetail>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException("slow down"));

        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ProvisionedThroughputExceededException>(() => CreateStep().HandleAsync(Input(), CancellationToken.None));
    }

    [Theory]
    [InlineData("2025-01-15", "09:00", "2025-01-16T09:00:00-05:00")]
    [InlineData("2025-03-08", "02:30", "2025-03-09T03:30:00-04:00")] // 02:00-03:00 does not exist that night
    [InlineData("2025-06-30", "10:00", "2025-07-01T10:00:00-04:00")]
    public void Cutoff_TheTimeOnTheMorningAfterTheDateInTheChainsZone(string date, string time, string expected)
    {
        var cutoff = CheckUploadsStep.Cutoff(DateOnly.Parse(date, CultureInfo.InvariantCulture), TimeOnly.Parse(time, CultureInfo.InvariantCulture),
                                             TimeZones.Find(Zone)!);

        Assert.Equal(expected, cutoff!.Value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
    }
}
