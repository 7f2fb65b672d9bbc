using System.Text;

namespace StatesLanguage.Server.Console;

/// <summary>Escaping for text and attribute values in HTML and inline SVG. Every character that could end a text run
/// or a quoted attribute (<c>&amp; &lt; &gt; " '</c>) becomes a character reference; control characters that HTML and
/// XML forbid become U+FFFD, so a hostile name can neither inject markup nor make the SVG ill-formed.</summary>
public static class HtmlText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (!NeedsEscaping(text))
            return text;
        var builder = new StringBuilder(text.Length + 16);
        Append(builder, text);
        return builder.ToString();
    }

    /// <summary>Appends <paramref name="text"/> escaped.</summary>
    public static StringBuilder Append(StringBuilder builder, string? text)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (text is null)
            return builder;
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '"': builder.Append("&quot;"); break;
                case '\'': builder.Append("&#39;"); break;
                default: builder.Append(IsForbidden(c) ? '\uFFFD' : c); break;
            }
        }
        return builder;
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' or '\'' || IsForbidden(c))
                return true;
        }
        return false;
    }

    private static bool IsForbidden(char c) => (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\u007F' or '\uFFFE' or '\uFFFF';
}
