namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// One variable marker of a date/time picture (F&amp;O 9.8.4.1), such as <c>[D1o]</c> or <c>[MNn,*-3]</c>: its
/// component, how it is presented (as names in a case, or as an integer picture) and its width modifier.
/// </summary>
internal sealed record DateTimeMarker
{
    public required char Component { get; init; }

    /// <summary>The second presentation modifier (<c>o</c>, <c>c</c>, <c>a</c> or <c>t</c>), if any.</summary>
    public char? Presentation2 { get; init; }

    /// <summary>Set when the component is presented as a name (<c>N</c>, <c>n</c>, <c>Nn</c>).</summary>
    public LetterCase? Names { get; init; }

    /// <summary>Set when the component is presented as an integer (every numeric component, and the time zone's
    /// digits unless its picture has none).</summary>
    public IntegerPicture? Integer { get; init; }

    public int? MinimumWidth { get; init; }

    public int? MaximumWidth { get; init; }

    /// <summary>For the year, how many of its last digits are shown; null for all of them.</summary>
    public int? YearDigits { get; init; }
}
