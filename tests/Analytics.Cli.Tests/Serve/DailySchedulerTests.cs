using System.Threading.Channels;
using Analytics.Cli.Serve;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Analytics.Cli.Tests.Serve;

/// <summary>The daily analysis starts at its time of day in the chain's zone, once a day, also across restarts.</summary>
public sealed class DailySchedulerTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-schedule-");

    public void Dispose() => _root.Delete(recursive: true);

    private string StatePath => Path.Combine(_root.FullName, "serve", "last-scheduled-run");

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private DailyScheduler Scheduler(FakeTimeProvider time, Channel<LocalDate> started, LocalTime? at = null) =>
        new(at ?? DailyScheduler.DefaultTime, NewYork, StatePath, time, async (day, token) => await started.Writer.WriteAsync(day, token));

    [Fact]
    public void NextRun_BeforeTodaysTime_IsTodayAt6InTheChainsZone()
    {
        var now = new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero); // 05:00 in New York
        var scheduler = Scheduler(new FakeTimeProvider(now), Channel.CreateUnbounded<LocalDate>());

        Assert.Equal(new DateTimeOffset(2025, 1, 15, 6, 0, 0, TimeSpan.FromHours(-5)), scheduler.NextRun(now));
    }

    [Fact]
    public void NextRun_AfterTodaysTimeWithoutARun_IsDueAtOnce()
    {
        var now = new DateTimeOffset(2025, 1, 15, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York
        var scheduler = Scheduler(new FakeTimeProvider(now), Channel.CreateUnbounded<LocalDate>());

        Assert.True(scheduler.NextRun(now) <= now);
    }

    [Fact]
    public void DueTime_OnTheSpringForwardNight_IsShiftedByTheGap()
    {
        var scheduler = Scheduler(new FakeTimeProvider(), Channel.CreateUnbounded<LocalDate>(), new LocalTime(2, 30));

        Assert.Equal(new DateTimeOffset(2025, 3, 9, 3, 30, 0, TimeSpan.FromHours(-4)), scheduler.DueTime(new LocalDate(2025, 3, 9)));
    }

    [Fact]
    public async Task RunAsync_StartsEachDayOnce_AndARestartDoesNotRunTheDayAgain()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 15, 10, 0, 0, TimeSpan.Zero));
        var started = Channel.CreateUnbounded<LocalDate>();
        using var stop = new CancellationTokenSource();
        var running = Scheduler(time, started).RunAsync(stop.Token);

        time.Advance(TimeSpan.FromHours(1.5)); // 06:30 in New York
        var first = await started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromHours(24));
        var second = await started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        var restarted = Scheduler(time, started);
        Assert.Equal(new DateTimeOffset(2025, 1, 17, 6, 0, 0, TimeSpan.FromHours(-5)), restarted.NextRun(time.GetUtcNow()));
        Assert.Equal((new LocalDate(2025, 1, 15), new LocalDate(2025, 1, 16)), (first, second));
    }
}
