namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>How a picture cases letters, numerals or words: <c>A</c>/<c>a</c>, <c>I</c>/<c>i</c>, <c>W</c>/<c>w</c>/<c>Ww</c>.</summary>
internal enum LetterCase
{
    Lower,
    Upper,
    Title,
}
