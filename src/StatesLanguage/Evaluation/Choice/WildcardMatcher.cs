namespace StatesLanguage.Evaluation.Choice;

/// <summary>StringMatches: <c>*</c> matches any run of characters (also none); <c>\*</c> is a literal star and
/// <c>\\</c> a literal backslash.</summary>
internal static class WildcardMatcher
{
    public static bool IsMatch(string text, string pattern)
    {
        var tokens = Tokenize(pattern);
        return Match(text, 0, tokens, 0);
    }

    /// <summary>Literal characters, with <c>null</c> for an unescaped star.</summary>
    private static List<char?> Tokenize(string pattern)
    {
        var tokens = new List<char?>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '*' or '\\')
                tokens.Add(pattern[++i]);
            else
                tokens.Add(c == '*' ? null : c);
        }
        return tokens;
    }

    private static bool Match(string text, int t, List<char?> tokens, int p)
    {
        var starT = -1;
        var starP = -1;
        while (t < text.Length)
        {
            if (p < tokens.Count && tokens[p] is char c && c == text[t])
            {
                t++;
                p++;
            }
            else if (p < tokens.Count && tokens[p] is null)
            {
                starP = p++;
                starT = t;
            }
            else if (starP >= 0)
            {
                p = starP + 1;
                t = ++starT;
            }
            else
            {
                return false;
            }
        }
        while (p < tokens.Count && tokens[p] is null)
            p++;
        return p == tokens.Count;
    }
}
