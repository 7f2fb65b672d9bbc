using System.Globalization;
using System.Net;
using System.Text;

namespace Analytics.Domain.Reporting;

/// <summary>
/// Uploaded text (store ids, SKUs, product, category and payment-method names) on its way into the report. Control,
/// format (bidirectional overrides, zero-width characters), line and paragraph separator characters and lone
/// surrogates become spaces, runs of white space one space, and long values are cut with an ellipsis: a name can
/// neither start a line of its own in the e-mail nor reorder the text around it, and what is left is valid XML
/// character data once encoded.
/// </summary>
internal static class UntrustedText
{
    public const char Ellipsis = '\u2026';

    /// <summary>The value cleaned and cut to at most <paramref name="maxLength"/> text elements (plus an ellipsis).</summary>
    public static string Clean(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(value.Length, maxLength) + 1);
        var kept = 0;
        var pendingSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            string piece;
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                piece = value.Substring(i, 2);
                i++;
            }
            else if (IsUnsafe(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            else
            {
                piece = c.ToString();
            }

            if (kept == maxLength)
            {
                builder.Append(Ellipsis);
                return builder.ToString();
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(piece);
            kept++;
        }

        return builder.ToString();
    }

    /// <summary>Cleaned, cut and HTML-encoded: safe in element text and in quoted attributes, in HTML and in SVG.</summary>
    public static string Html(string? value, int maxLength) => WebUtility.HtmlEncode(Clean(value, maxLength));

    /// <summary>Printable ASCII only (other characters become '?'), for the SNS subject.</summary>
    public static string Ascii(string? value, int maxLength)
    {
        var clean = Clean(value, maxLength);
        var builder = new StringBuilder(clean.Length);
        foreach (var c in clean)
        {
            builder.Append(c switch
            {
                >= ' ' and <= '~' => c.ToString(),
                Ellipsis => "...",
                _ => "?",
            });
        }

        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || char.GetUnicodeCategory(c) is UnicodeCategory.Control
            or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
}
