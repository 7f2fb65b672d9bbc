using System.Text.RegularExpressions;

namespace Analytics.Domain.AiReview;

/// <summary>
/// Amounts written in words: <c>zero</c>, <c>seven</c>, <c>twenty-five</c>, <c>a dozen</c>, <c>two hundred and fifty</c>,
/// <c>a million</c>. Each comes with the rounding it is written with, as digits would: half a unit of its last word
/// (<c>twenty-five</c> 25 ± 0.5, <c>two thousand</c> 2,000 ± 500, <c>two thousand five hundred</c> 2,500 ± 50).
/// <c>one</c> as a pronoun is no amount: <c>one of</c>, <c>one another</c>, <c>no one</c>, <c>the one</c>, <c>this one</c>,
/// <c>each one</c>, <c>one-off</c>. Pure.
/// </summary>
internal static partial class SpelledNumbers
{
    /// <summary>An amount found at <paramref name="Index"/> (<paramref name="Length"/> characters) of the text.</summary>
    public sealed record Amount(int Index, int Length, decimal Value, decimal Tolerance);

    private enum Kind { Unit, Tens, Hundred, Scale, Dozen }

    private static readonly Dictionary<string, (Kind Kind, decimal Value)> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = (Kind.Unit, 0), ["one"] = (Kind.Unit, 1), ["two"] = (Kind.Unit, 2), ["three"] = (Kind.Unit, 3),
        ["four"] = (Kind.Unit, 4), ["five"] = (Kind.Unit, 5), ["six"] = (Kind.Unit, 6), ["seven"] = (Kind.Unit, 7),
        ["eight"] = (Kind.Unit, 8), ["nine"] = (Kind.Unit, 9), ["ten"] = (Kind.Unit, 10), ["eleven"] = (Kind.Unit, 11),
        ["twelve"] = (Kind.Unit, 12), ["thirteen"] = (Kind.Unit, 13), ["fourteen"] = (Kind.Unit, 14), ["fifteen"] = (Kind.Unit, 15),
        ["sixteen"] = (Kind.Unit, 16), ["seventeen"] = (Kind.Unit, 17), ["eighteen"] = (Kind.Unit, 18), ["nineteen"] = (Kind.Unit, 19),
        ["twenty"] = (Kind.Tens, 20), ["thirty"] = (Kind.Tens, 30), ["forty"] = (Kind.Tens, 40), ["fifty"] = (Kind.Tens, 50),
        ["sixty"] = (Kind.Tens, 60), ["seventy"] = (Kind.Tens, 70), ["eighty"] = (Kind.Tens, 80), ["ninety"] = (Kind.Tens, 90),
        ["hundred"] = (Kind.Hundred, 100), ["thousand"] = (Kind.Scale, 1_000), ["million"] = (Kind.Scale, 1_000_000),
        ["billion"] = (Kind.Scale, 1_000_000_000), ["dozen"] = (Kind.Dozen, 12),
    };

    private static readonly HashSet<string> PronounBefore = new(["no", "the", "this", "that", "each", "any", "every", "which"], StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string> PronounAfter = new(["of", "another", "off"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Every amount in words in <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<Amount> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = WordPattern().Matches(text);
        List<Amount> found = [];
        var i = 0;
        while (i < words.Count)
        {
            var start = i;
            if (words[i].Value is "a" or "an" or "A" or "An" && i + 1 < words.Count && Adjacent(text, words[i], words[i + 1])
                && Words.TryGetValue(words[i + 1].Value, out var next) && next.Kind is Kind.Hundred or Kind.Scale or Kind.Dozen)
            {
                i++; // "a hundred", "a dozen": the article is the one
            }
            else if (!Words.ContainsKey(words[i].Value))
            {
                i++;
                continue;
            }

            var end = Run(text, words, i, out var value, out var tolerance);
            var single = end == i + 1 && start == i && words[i].Value.Equals("one", StringComparison.OrdinalIgnoreCase);
            if (!(single && IsPronoun(text, words, i)))
            {
                var last = words[end - 1];
                found.Add(new Amount(words[start].Index, last.Index + last.Length - words[start].Index, value, tolerance));
            }

            i = end;
        }

        return found;
    }

    /// <summary>Reads the number words from <paramref name="first"/> on; returns the index after the last one it took.</summary>
    private static int Run(string text, MatchCollection words, int first, out decimal value, out decimal tolerance)
    {
        decimal total = 0, current = 0;
        Kind? last = null;
        var i = first;
        for (; i < words.Count; i++)
        {
            if (i > first && !Adjacent(text, words[i - 1], words[i]))
            {
                break;
            }

            if (i > first && words[i].Value.Equals("and", StringComparison.OrdinalIgnoreCase))
            {
                // "two hundred and fifty": "and" only joins a hundred or a thousand to what follows it.
                if (last is Kind.Hundred or Kind.Scale && i + 1 < words.Count && Adjacent(text, words[i], words[i + 1])
                    && Words.TryGetValue(words[i + 1].Value, out var after) && after.Kind is Kind.Unit or Kind.Tens)
                {
                    continue;
                }

                break;
            }

            if (!Words.TryGetValue(words[i].Value, out var word))
            {
                break;
            }

            var fits = word.Kind switch
            {
                Kind.Unit => last is null or Kind.Hundred or Kind.Scale || (last == Kind.Tens && word.Value is > 0 and < 10),
                Kind.Tens => last is null or Kind.Hundred or Kind.Scale,
                Kind.Hundred => last is null || (last == Kind.Unit && current is > 0 and < 10),
                Kind.Scale => last is not Kind.Scale,
                _ => last is null or Kind.Unit or Kind.Tens,
            };
            if (!fits)
            {
                break;
            }

            switch (word.Kind)
            {
                case Kind.Unit or Kind.Tens:
                    current += word.Value;
                    break;
                case Kind.Hundred or Kind.Dozen:
                    current = (current == 0 ? 1 : current) * word.Value;
                    break;
                default:
                    total += (current == 0 ? 1 : current) * word.Value;
                    current = 0;
                    break;
            }

            last = word.Kind;
        }

        value = total + current;
        var lastWord = Words[words[i - 1].Value];
        tolerance = lastWord.Kind is Kind.Hundred or Kind.Scale ? lastWord.Value / 2 : 0.5m;
        return i;
    }

    private static bool IsPronoun(string text, MatchCollection words, int i) =>
        (i > 0 && Adjacent(text, words[i - 1], words[i]) && PronounBefore.Contains(words[i - 1].Value))
        || (i + 1 < words.Count && Adjacent(text, words[i], words[i + 1]) && PronounAfter.Contains(words[i + 1].Value));

    /// <summary>Only spaces or a hyphen between two words ("twenty-five", "two hundred"): no punctuation, no digits.</summary>
    private static bool Adjacent(string text, Match before, Match after)
    {
        var gap = text.AsSpan(before.Index + before.Length, after.Index - before.Index - before.Length);
        return gap.Length > 0 && gap.Length <= 3 && !gap.ContainsAnyExcept(" -\u2010\u2011");
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex WordPattern();
}
