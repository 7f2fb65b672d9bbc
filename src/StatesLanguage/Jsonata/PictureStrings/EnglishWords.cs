using System.Text;
using System.Text.RegularExpressions;

namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// Integers in English words, British style ("one hundred and five", "three thousand, seven hundred and thirty"),
/// cardinal or ordinal, in title case; beyond trillions the magnitudes repeat ("one thousand trillion").
/// </summary>
internal static class EnglishWords
{
    private static readonly string[] Units =
    [
        "Zero", "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "Eleven", "Twelve", "Thirteen", "Fourteen", "Fifteen", "Sixteen", "Seventeen", "Eighteen", "Nineteen",
    ];

    private static readonly string[] UnitOrdinals =
    [
        "Zeroth", "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth",
        "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth", "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth",
    ];

    private static readonly string[] Tens = ["Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

    private static readonly string[] Magnitudes = ["Thousand", "Million", "Billion", "Trillion"];

    /// <summary>Every word's value, in lower case: units, tens, hundred, the magnitudes, and their ordinals.</summary>
    private static readonly Dictionary<string, double> Values = BuildValues();

    /// <summary>A regular-expression fragment matching a number in words (used inside date/time parsing).</summary>
    public static string Pattern { get; } =
        "(?:" + string.Join('|', Values.Keys.Append("and").OrderByDescending(word => word.Length).Select(Regex.Escape)) + @"|[\-, ])+";

    /// <summary><paramref name="value"/> (a non-negative integer) in title-case words.</summary>
    public static string Format(double value, bool ordinal)
    {
        var builder = new StringBuilder();
        Append(builder, value, afterLarger: false, ordinal);
        return builder.ToString();
    }

    /// <summary>The value of a number in words (any case); null when a word is not a number word.</summary>
    public static double? Parse(string text)
    {
        var words = Regex.Split(text.ToLowerInvariant(), @",\s|\sand\s|[\s\-]", RegexOptions.None, TimeSpan.FromSeconds(1));
        // A stack of partial sums: a small number starts a new group after a thousand or more, a hundred or a
        // magnitude multiplies the group on top ("nineteen hundred and eighty-four" is 1900 + 84).
        var groups = new Stack<double>();
        groups.Push(0);
        foreach (var word in words)
        {
            if (!Values.TryGetValue(word, out var value))
                return null;
            if (value < 100)
            {
                var top = groups.Pop();
                if (top >= 1000)
                {
                    groups.Push(top);
                    top = 0;
                }
                groups.Push(top + value);
            }
            else
            {
                groups.Push(groups.Pop() * value);
            }
        }
        return groups.Sum();
    }

    private static void Append(StringBuilder builder, double value, bool afterLarger, bool ordinal)
    {
        if (value < 20)
        {
            builder.Append(afterLarger ? " and " : string.Empty).Append(ordinal ? UnitOrdinals[(int)value] : Units[(int)value]);
        }
        else if (value < 100)
        {
            var tens = Tens[(int)(value / 10) - 2];
            var units = value % 10;
            builder.Append(afterLarger ? " and " : string.Empty);
            if (units > 0)
            {
                builder.Append(tens).Append('-');
                Append(builder, units, afterLarger: false, ordinal);
            }
            else
            {
                builder.Append(ordinal ? tens[..^1] + "ieth" : tens);
            }
        }
        else if (value < 1000)
        {
            var rest = value % 100;
            builder.Append(afterLarger ? ", " : string.Empty).Append(Units[(int)(value / 100)]).Append(" Hundred");
            if (rest > 0)
                Append(builder, rest, afterLarger: true, ordinal);
            else if (ordinal)
                builder.Append("th");
        }
        else
        {
            var magnitude = 1;
            var factor = 1000.0;
            while (magnitude < Magnitudes.Length && value >= factor * 1000)
            {
                magnitude++;
                factor *= 1000;
            }
            var multiple = Math.Floor(value / factor);
            var rest = value - multiple * factor;
            builder.Append(afterLarger ? ", " : string.Empty);
            Append(builder, multiple, afterLarger: false, ordinal: false);
            builder.Append(' ').Append(Magnitudes[magnitude - 1]);
            if (rest > 0)
                Append(builder, rest, afterLarger: true, ordinal);
            else if (ordinal)
                builder.Append("th");
        }
    }

    private static Dictionary<string, double> BuildValues()
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < Units.Length; i++)
        {
            values[Units[i].ToLowerInvariant()] = i;
            values[UnitOrdinals[i].ToLowerInvariant()] = i;
        }
        for (var i = 0; i < Tens.Length; i++)
        {
            var word = Tens[i].ToLowerInvariant();
            values[word] = (i + 2) * 10;
            values[word[..^1] + "ieth"] = (i + 2) * 10;
        }
        values["hundred"] = 100;
        values["hundredth"] = 100;
        var magnitude = 1.0;
        foreach (var word in Magnitudes)
        {
            magnitude *= 1000;
            values[word.ToLowerInvariant()] = magnitude;
            values[word.ToLowerInvariant() + "th"] = magnitude;
        }
        return values;
    }
}
