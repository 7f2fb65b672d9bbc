namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>How an integer picture presents numbers (F&amp;O 4.6.1 primary format token).</summary>
internal enum IntegerStyle
{
    Decimal,
    Letters,
    Roman,
    Words,
}
