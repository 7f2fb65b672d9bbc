namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>English month and weekday names, in title case.</summary>
internal static class CalendarNames
{
    /// <summary>January at index 0.</summary>
    public static IReadOnlyList<string> Months { get; } =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>Monday at index 0 (ISO day 1).</summary>
    public static IReadOnlyList<string> Days { get; } = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    /// <summary><paramref name="name"/> in <paramref name="letterCase"/>, cut to <paramref name="maximumWidth"/> characters.</summary>
    public static string Present(string name, LetterCase letterCase, int? maximumWidth)
    {
        var cased = letterCase switch
        {
            LetterCase.Upper => name.ToUpperInvariant(),
            LetterCase.Lower => name.ToLowerInvariant(),
            _ => name,
        };
        return maximumWidth is { } width && cased.Length > width ? cased[..width] : cased;
    }
}
