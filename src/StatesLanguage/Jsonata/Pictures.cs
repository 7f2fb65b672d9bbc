namespace StatesLanguage.Jsonata;

/// <summary>JSONata's picture-string functions (XPath/XQuery 3.1 F&amp;O pictures). Errors are JsonataException (D3xxx).</summary>
internal static class Pictures
{
    /// <summary>$formatNumber(number, picture [, options]); options may be null.</summary>
    public static string FormatNumber(double value, string picture, JsonObject? options) => throw new NotImplementedException();

    /// <summary>$formatInteger(number, picture).</summary>
    public static string FormatInteger(double value, string picture) => throw new NotImplementedException();

    /// <summary>$parseInteger(string, picture); null when the result is undefined.</summary>
    public static double? ParseInteger(string value, string picture) => throw new NotImplementedException();

    /// <summary>$fromMillis(number [, picture [, timezone]]): picture null gives ISO 8601 with milliseconds in UTC.</summary>
    public static string FromMillis(double millis, string? picture, string? timezone) => throw new NotImplementedException();

    /// <summary>$toMillis(timestamp [, picture]): picture null parses ISO 8601; null when undefined.</summary>
    public static double? ToMillis(string timestamp, string? picture) => throw new NotImplementedException();
}
