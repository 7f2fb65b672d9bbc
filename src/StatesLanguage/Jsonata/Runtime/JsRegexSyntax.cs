using System.Text;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>
/// Rewrites the parts of a JavaScript regex whose meaning differs in .NET: <c>.</c> excludes every JavaScript line
/// terminator, <c>$</c> without the m flag matches only at the very end, <c>[^]</c> matches anything and <c>[]</c>
/// nothing. Everything else is passed through.
/// </summary>
internal static class JsRegexSyntax
{
    public static string Translate(string pattern, bool multiline)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }
            if (inClass)
            {
                if (c == ']')
                    inClass = false;
                builder.Append(c);
                continue;
            }
            switch (c)
            {
                case '[' when i + 2 < pattern.Length && pattern[i + 1] == '^' && pattern[i + 2] == ']':
                    builder.Append(@"[\s\S]");
                    i += 2;
                    break;
                case '[' when i + 1 < pattern.Length && pattern[i + 1] == ']':
                    builder.Append("(?!)");
                    i++;
                    break;
                case '[':
                    inClass = true;
                    builder.Append(c);
                    // A ']' right after '[' or '[^' is a literal in .NET but closes an empty class in JavaScript; the
                    // empty cases were handled above, so nothing more is needed here.
                    break;
                case '.':
                    builder.Append(@"[^\n\r\u2028\u2029]");
                    break;
                case '$' when !multiline:
                    builder.Append(@"(?!\n)$");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
