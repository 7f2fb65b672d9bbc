namespace StatesLanguage.Jsonata.Functions;

/// <summary>$now, $millis, $fromMillis and $toMillis; picture formatting is <see cref="Pictures"/>'.</summary>
internal static class DateFunctions
{
    public static void Register(LibraryBuilder library)
    {
        library.Add("now", "<s?s?:s>", 2, (context, a) =>
        {
            var picture = a.Length > 0 ? a[0] as string : null;
            var timezone = a.Length > 1 ? a[1] as string : null;
            return picture is null && timezone is null
                ? context.Evaluator.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
                : Pictures.FromMillis(context.Evaluator.Now.ToUnixTimeMilliseconds(), picture, timezone);
        });
        library.Add("millis", "<:n>", 0, (context, _) => (double)context.Evaluator.Now.ToUnixTimeMilliseconds());
        library.Add("fromMillis", "<n-s?s?:s>", 3, (_, a) => a[0] is double millis
            ? FromMillis(millis, a.Length > 1 ? a[1] as string : null, a.Length > 2 ? a[2] as string : null)
            : null);
        // A picture that leaves out the date reads it from the evaluation's clock, as $now does.
        library.Add("toMillis", "<s-s?:n>", 2, (context, a) => a[0] is string timestamp
            ? Pictures.ToMillis(timestamp, a.Length > 1 ? a[1] as string : null, context.Evaluator.Now)
            : null);
    }

    /// <summary>An instant outside a JavaScript date's range (±8.64e15 ms) fails as the reference implementation's
    /// date does, with a RangeError "Invalid time value".</summary>
    private static string FromMillis(double millis, string? picture, string? timezone)
    {
        try
        {
            return Pictures.FromMillis(millis, picture, timezone);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new JsonataException("RangeError", "Invalid time value");
        }
    }
}
