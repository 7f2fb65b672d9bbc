using System.Globalization;

namespace Analytics.Cli.Workflows;

/// <summary>What one date of a range run came to: the execution's status, its name, and its report subject or error.</summary>
internal sealed record DateRun(DateOnly Date, string Status, string? Execution, string? Detail)
{
    public bool Succeeded => Status == "SUCCEEDED";

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Date:yyyy-MM-dd}  {Status,-9}  {Execution ?? "-"}  {Detail}");
}

/// <summary>
/// Runs the daily analysis for every date of a range, as a backfill: a few dates at once, started in order of date,
/// every date run whatever happened to the others (a failure is that date's outcome, never a reason to skip the rest).
/// </summary>
internal static class DailyRange
{
    /// <summary>Dates analysed at once: each run reads the chain's history, so more would mostly wait on the store.</summary>
    public const int Parallelism = 3;

    /// <summary>The longest range one request may ask for: a year and a day.</summary>
    public const int MaxDays = 366;

    /// <summary>Every date from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <exception cref="ArgumentException">The range is empty (to before from) or longer than <see cref="MaxDays"/>.</exception>
    public static IReadOnlyList<DateOnly> Dates(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber + 1;
        if (days < 1)
        {
            throw new ArgumentException($"The range ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).");
        }

        if (days > MaxDays)
        {
            throw new ArgumentException($"The range {from:yyyy-MM-dd} to {to:yyyy-MM-dd} has {days} dates; one run takes at most {MaxDays}.");
        }

        return [.. Enumerable.Range(0, days).Select(from.AddDays)];
    }

    /// <summary>Runs <paramref name="runOne"/> for each date, at most <paramref name="parallelism"/> at once, starting them
    /// in the order given; returns the outcomes in that order. An exception of one date is its outcome (FAILED).</summary>
    public static async Task<IReadOnlyList<DateRun>> RunAsync(IReadOnlyList<DateOnly> dates, Func<DateOnly, CancellationToken, Task<DateRun>> runOne,
        Action<DateRun>? onDone, CancellationToken cancellationToken, int parallelism = Parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        using var slots = new SemaphoreSlim(parallelism);
        var runs = new List<Task<DateRun>>(dates.Count);
        foreach (var date in dates)
        {
            await slots.WaitAsync(cancellationToken);
            runs.Add(RunOneAsync(date));
        }

        return await Task.WhenAll(runs);

        async Task<DateRun> RunOneAsync(DateOnly date)
        {
            DateRun run;
            try
            {
                run = await runOne(date, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                run = new DateRun(date, "FAILED", null, $"{exception.GetType().Name}: {exception.Message}");
            }
            finally
            {
                slots.Release();
            }

            onDone?.Invoke(run);
            return run;
        }
    }
}
