using StatesLanguage.Jsonata.PictureStrings;

namespace StatesLanguage.Jsonata;

/// <summary>JSONata's picture-string functions (XPath/XQuery 3.1 F&amp;O pictures). Errors are JsonataException (D3xxx).</summary>
/// <remarks>
/// The behaviour is the reference implementation's (jsonata-js 2.2), quirks included where they give an answer: the
/// reading of a negative <c>±HHMM</c> time zone (−0530 is −6:30), two-digit parsed years in the 1900s, the exponent
/// found right after the last digit ("0e" is D3093), the last character dropped without a decimal separator ("#e0").
/// Where the reference fails or garbles, this gives a sensible answer instead: grouping separators beyond the digits
/// are left out (the reference loses digits), numbers from 1e21 are written in full (not "1e+21"), a day of the year
/// may be followed by a time in $toMillis, <c>[Z01:01t]</c> parses the "Z" it writes, month and day names parse in any
/// case and an unknown name makes the result undefined, years 0–99 use the proleptic calendar for weeks, Roman numerals
/// from 10 000 000 are D3130 (a stack overflow there) and names on <c>[f]</c> are D3133 (a crash there).
/// </remarks>
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
