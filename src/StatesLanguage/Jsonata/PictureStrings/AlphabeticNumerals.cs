namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>Integers as spreadsheet-column letters: a … z, aa, ab, … (0 is the empty string).</summary>
internal static class AlphabeticNumerals
{
    public static string Format(double value, char a)
    {
        var letters = new System.Text.StringBuilder();
        while (value > 0)
        {
            letters.Insert(0, (char)(a + (int)((value - 1) % 26)));
            value = Math.Floor((value - 1) / 26);
        }
        return letters.ToString();
    }

    /// <summary>The value of <paramref name="letters"/> (either case); null when one is not a Latin letter.</summary>
    public static double? Parse(string letters)
    {
        double total = 0;
        foreach (var letter in letters)
        {
            var lower = char.ToLowerInvariant(letter);
            if (lower is < 'a' or > 'z')
                return null;
            total = total * 26 + (lower - 'a' + 1);
        }
        return total;
    }
}
