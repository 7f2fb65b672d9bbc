namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>Integers as Roman numerals (lower case; 0 is the empty string; thousands repeat m).</summary>
internal static class RomanNumerals
{
    /// <summary>The reference cannot present numbers this large (its recursion overflows the stack).</summary>
    public const double Limit = 10_000_000;

    private static readonly (int Value, string Numeral)[] Steps =
    [
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
        (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ];

    /// <exception cref="JsonataException">D3130 from <see cref="Limit"/> on.</exception>
    public static string Format(double value)
    {
        if (value >= Limit)
            throw PictureErrors.Create("D3130", "I");
        var builder = new System.Text.StringBuilder();
        foreach (var (step, numeral) in Steps)
        {
            for (; value >= step; value -= step)
                builder.Append(numeral);
        }
        return builder.ToString();
    }

    /// <summary>The value of <paramref name="numerals"/> in either case (a smaller numeral before a larger one is
    /// subtracted); null when a character is not a Roman numeral.</summary>
    public static double? Parse(string numerals)
    {
        double total = 0;
        var largest = 1;
        for (var i = numerals.Length - 1; i >= 0; i--)
        {
            var value = char.ToUpperInvariant(numerals[i]) switch
            {
                'M' => 1000,
                'D' => 500,
                'C' => 100,
                'L' => 50,
                'X' => 10,
                'V' => 5,
                'I' => 1,
                _ => 0,
            };
            if (value == 0)
                return null;
            if (value < largest)
            {
                total -= value;
            }
            else
            {
                largest = value;
                total += value;
            }
        }
        return total;
    }
}
