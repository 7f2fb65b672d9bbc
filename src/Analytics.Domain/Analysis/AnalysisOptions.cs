using System.Globalization;

namespace Analytics.Domain.Analysis;

/// <summary>Settings of the daily analysis. Bound from configuration section <c>Analysis</c> (<c>Analysis__TimeZone</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>
    /// The chain's IANA time zone. A run without a date analyses yesterday in it, as seen at the execution's start;
    /// a date after today in it is refused.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Dates on which the whole chain is closed (public holidays, stock-taking), as ISO dates <c>yyyy-MM-dd</c>, an
    /// item holding one date or several separated by commas (<c>Analysis:ClosedDates:0 = 2025-12-25,2025-12-26</c>;
    /// <c>Analysis__ClosedDates__0</c> in a Lambda's environment, set from the stack's <c>ClosedDates</c>). The
    /// sales forecast gives every entity 0 on them, and leaves them out of the history it learns from, so that a
    /// closure does not drag the level or the weekday pattern down. Empty by default. Strings, parsed by
    /// <see cref="ParseClosedDates"/>: the configuration binder would silently drop a list item it cannot convert.
    /// </summary>
    public IList<string> ClosedDates { get; } = [];

    /// <summary>
    /// How long a scheduled run waits for the stores expected to upload (daily-analysis, state CheckUploads): a local
    /// time of day <c>HH:mm</c> in <see cref="TimeZone"/> on the day after the business date (the morning the run
    /// starts). Before it, a run that misses an expected store waits and checks again; from it on, the run goes on
    /// and says who is missing. Empty (the default, and locally): no waiting. <c>Analysis__UploadCutoff</c> in a
    /// Lambda's environment, set from the stack's <c>UploadCutoff</c>. A string, parsed by
    /// <see cref="ParseUploadCutoff"/>.
    /// </summary>
    public string UploadCutoff { get; set; } = "";

    /// <summary><see cref="UploadCutoff"/> as a time of day; null when empty (no waiting).</summary>
    /// <exception cref="InvalidOperationException">The value is not a 24-hour <c>HH:mm</c> time; the message names it
    /// and its key.</exception>
    /// <param name="keySeparator">How the message spells the key: <c>:</c> for configuration, <c>__</c> for an
    /// environment variable.</param>
    public TimeOnly? ParseUploadCutoff(string keySeparator = ":")
    {
        var value = (UploadCutoff ?? "").Trim();
        if (value.Length == 0)
        {
            return null;
        }

        return TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cutoff)
            ? cutoff
            : throw new InvalidOperationException(
                $"{Section}{keySeparator}{nameof(UploadCutoff)} is '{value}', which is not a time of day HH:mm (24-hour, e.g. 09:30).");
    }

    /// <summary><see cref="ClosedDates"/> as dates.</summary>
    /// <exception cref="InvalidOperationException">A value is not a <c>yyyy-MM-dd</c> date; the message names it and
    /// its key.</exception>
    /// <param name="keySeparator">How the message spells the item's key: <c>:</c> for configuration, <c>__</c> for an
    /// environment variable.</param>
    public IReadOnlySet<DateOnly> ParseClosedDates(string keySeparator = ":")
    {
        var dates = new HashSet<DateOnly>();
        for (var i = 0; i < ClosedDates.Count; i++)
        {
            foreach (var value in (ClosedDates[i] ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new InvalidOperationException(
                        $"{Section}{keySeparator}{nameof(ClosedDates)}{keySeparator}{i} has '{value}', which is not an ISO date (yyyy-MM-dd).");
                }

                dates.Add(date);
            }
        }

        return dates;
    }
}
