using System.Globalization;
using NodaTime;

namespace Analytics.Cli.Serve;

/// <summary>
/// Starts the daily analysis every day at a time of day in the chain's time zone, as the deployed EventBridge
/// Scheduler schedule does (<c>DailySchedule</c>, default <c>cron(0 6 * * ? *)</c> in <c>ChainTimeZone</c>, input
/// <c>{}</c>: the run analyses yesterday in that zone). A local time that a clock change skips runs shifted on by the
/// gap (02:30 on a spring-forward night runs at 03:30); one it repeats, at its first occurrence. The last day it started
/// a run is kept (<c>&lt;data&gt;/serve/last-scheduled-run</c>): a service started after today's time that has not run today runs at
/// once (a laptop that was off at 06:00 still gets its morning report), and a restart never runs a day twice.
/// </summary>
internal sealed class DailyScheduler(LocalTime at, DateTimeZone zone, string statePath, TimeProvider time, Func<LocalDate, CancellationToken, Task> start)
{
    /// <summary>The default time of day, as the stack's default schedule.</summary>
    public static readonly LocalTime DefaultTime = new(6, 0);

    public LocalTime At => at;

    public DateTimeZone Zone => zone;

    /// <summary>When the run of <paramref name="day"/> is due.</summary>
    public DateTimeOffset DueTime(LocalDate day) => day.At(at).InZoneLeniently(zone).ToDateTimeOffset();

    /// <summary>The next run after <paramref name="now"/>, or the one due already when today's has not run.</summary>
    public DateTimeOffset NextRun(DateTimeOffset now)
    {
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var lastRun = LastRunDay();
        if ((lastRun is null || lastRun < today) && now >= DueTime(today))
        {
            return DueTime(today);
        }

        // The first day after today's (or the last run's) whose time is still ahead.
        var day = lastRun is { } last && last >= today ? last.PlusDays(1) : today;
        while (DueTime(day) <= now)
        {
            day = day.PlusDays(1);
        }

        return DueTime(day);
    }

    /// <summary>Starts each day's run when it is due, until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = NextRun(time.GetUtcNow());
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken);
            }

            var day = Instant.FromDateTimeOffset(next).InZone(zone).Date;
            SaveLastRunDay(day);
            await start(day, cancellationToken);
        }
    }

    private LocalDate? LastRunDay()
    {
        if (!File.Exists(statePath))
        {
            return null;
        }

        var text = File.ReadAllText(statePath).Trim();
        return LocalDate.FromDateTime(DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private void SaveLastRunDay(LocalDate day)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(statePath)!);
        var temp = statePath + ".tmp";
        File.WriteAllText(temp, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        File.Move(temp, statePath, overwrite: true);
    }
}
