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
            ? Pictures.FromMillis(millis, a.Length > 1 ? a[1] as string : null, a.Length > 2 ? a[2] as string : null)
            : null);
        library.Add("toMillis", "<s-s?:n>", 2, (_, a) => a[0] is string timestamp
            ? Pictures.ToMillis(timestamp, a.Length > 1 ? a[1] as string : null)
            : null);
    }
}
