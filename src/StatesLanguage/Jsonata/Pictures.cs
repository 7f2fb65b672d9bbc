using StatesLanguage.Jsonata.PictureStrings;

namespace StatesLanguage.Jsonata;

/// <summary>JSONata's picture-string functions (XPath/XQuery 3.1 F&amp;O pictures). Errors are JsonataException (D3xxx).</summary>
internal static class Pictures
{
    /// <summary>$formatNumber(number, picture [, options]); options may be null.</summary>
    /// <remarks>Rounds half to even on the number's shortest decimal form; <paramref name="options"/> overrides the
    /// decimal format's properties (<c>decimal-separator</c>, <c>zero-digit</c>, …) by name.</remarks>
    public static string FormatNumber(double value, string picture, JsonObject? options) =>
        NumberFormatter.Format(value, picture, DecimalFormat.From(options));

    /// <summary>$formatInteger(number, picture).</summary>
    /// <remarks>The number is first rounded down (towards negative infinity).</remarks>
    public static string FormatInteger(double value, string picture) =>
        IntegerPicture.Analyse(picture).Format(Math.Floor(value));

    /// <summary>$parseInteger(string, picture); null when the result is undefined.</summary>
    public static double? ParseInteger(string value, string picture) =>
        IntegerPicture.Analyse(picture).Parse(value);

    /// <summary>$fromMillis(number [, picture [, timezone]]): picture null gives ISO 8601 with milliseconds in UTC.</summary>
    /// <remarks><paramref name="timezone"/> is an offset <c>±HHMM</c> (also <c>±HH</c> or <c>±HH:MM</c>); null means UTC.
    /// Fractions of a millisecond are truncated.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside ±8.64e15 ms, the range of a JavaScript date.</exception>
    public static string FromMillis(double millis, string? picture, string? timezone) =>
        DateTimeFormatter.Format(millis, picture, timezone);

    /// <summary>$toMillis(timestamp [, picture]): picture null parses ISO 8601; null when undefined.</summary>
    /// <remarks>Components a picture leaves out above the ones it gives default to the current UTC date and time; call
    /// the overload taking <c>now</c> to use the evaluation's own timestamp instead.</remarks>
    public static double? ToMillis(string timestamp, string? picture) =>
        ToMillis(timestamp, picture, DateTimeOffset.UtcNow);

    /// <summary>$toMillis(timestamp [, picture]) where <paramref name="now"/> supplies the components the picture leaves
    /// out above the ones it gives (a time alone is today's).</summary>
    public static double? ToMillis(string timestamp, string? picture, DateTimeOffset now) =>
        picture is null ? Iso8601.Parse(timestamp) : DateTimeParser.Parse(timestamp, picture, now.ToUnixTimeMilliseconds());
}
