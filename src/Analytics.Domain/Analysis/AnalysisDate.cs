using System.Globalization;
using Analytics.Domain.Uploads;
using NodaTime;

namespace Analytics.Domain.Analysis;

/// <summary>Which business date a daily-analysis execution analyses.</summary>
public static class AnalysisDate
{
    /// <summary>
    /// <paramref name="requested"/> (YYYY-MM-DD) when given; otherwise the day before <paramref name="startedAt"/> in
    /// the chain's time zone (the schedule's call).
    /// </summary>
    /// <exception cref="InvalidAnalysisDateException">Not a YYYY-MM-DD date, after the start date in the chain's zone, or
    /// before <see cref="UploadLimits.EarliestBusinessDate"/>.</exception>
    public static DateOnly Resolve(string? requested, DateTimeOffset startedAt, DateTimeZone chainZone)
    {
        var today = DateOnly.FromDateTime(chainZone.ToLocal(startedAt).DateTime);
        if (string.IsNullOrEmpty(requested))
        {
            return today.AddDays(-1);
        }

        if (!DateOnly.TryParseExact(requested, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InvalidAnalysisDateException($"'{requested}' is not a date: give the business date as YYYY-MM-DD.");
        }

        if (date > today)
        {
            throw new InvalidAnalysisDateException(
                $"{requested} is in the future: today is {today:yyyy-MM-dd} in the chain's time zone ({chainZone.Id}).");
        }

        if (date < UploadLimits.EarliestBusinessDate)
        {
            throw new InvalidAnalysisDateException(
                $"{requested} is before {UploadLimits.EarliestBusinessDate:yyyy-MM-dd}, the earliest business date this system holds.");
        }

        return date;
    }
}
