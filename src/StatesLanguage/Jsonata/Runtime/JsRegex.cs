using System.Text.RegularExpressions;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>
/// A regex literal <c>/pattern/flags</c>. JSONata regexes are JavaScript ones: they compile with .NET's
/// ECMAScript option where the pattern allows it (ASCII <c>\d</c>, <c>\w</c>), else with default .NET rules.
/// As a function value it is a matcher: given a string it returns the first match object or undefined.
/// </summary>
internal sealed class JsRegex : JFunction
{
    private JsRegex(Regex regex, string source)
    {
        Regex = regex;
        Source = source;
    }

    public Regex Regex { get; }

    public string Source { get; }

    public override int Arity => 1;

    public static JsRegex Create(string pattern, string flags, int position)
    {
        var options = RegexOptions.CultureInvariant;
        if (flags.Contains('i', StringComparison.Ordinal))
            options |= RegexOptions.IgnoreCase;
        if (flags.Contains('m', StringComparison.Ordinal))
            options |= RegexOptions.Multiline;
        var translated = JsRegexSyntax.Translate(pattern, (options & RegexOptions.Multiline) != 0);
        Regex regex;
        try
        {
            regex = new Regex(translated, (options & ~RegexOptions.CultureInvariant) | RegexOptions.ECMAScript);
        }
        catch (ArgumentException)
        {
            try
            {
                regex = new Regex(translated, options);
            }
            catch (ArgumentException error)
            {
                throw new JsonataException("S0303", "Invalid regular expression: /" + pattern + "/: " + error.Message, position, pattern, error);
            }
        }
        return new JsRegex(regex, pattern);
    }

    /// <summary>The match object JSONata's matcher protocol uses: match, start, end, groups (and next).</summary>
    public static JObject MatchObject(Match match)
    {
        var groups = new JList();
        for (var i = 1; i < match.Groups.Count; i++)
            groups.Add(match.Groups[i].Success ? match.Groups[i].Value : "");
        return new JObject
        {
            ["match"] = match.Value,
            ["start"] = (double)match.Index,
            ["end"] = (double)(match.Index + match.Length),
            ["groups"] = groups,
        };
    }
}
