using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>Checks of rendered reports shared by the report tests.</summary>
internal static partial class ReportAssert
{
    private static readonly HashSet<string> AllowedTags =
    [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "h1", "h2", "p", "span", "a", "b", "br",
        "div", "ul", "li", "figure", "figcaption", "table", "caption", "thead", "tbody", "tr", "th", "td",
        "svg", "desc", "g", "rect", "line", "polyline", "text", "tspan",
    ];

    private static readonly HashSet<string> AllowedAttributes =
    [
        "lang", "charset", "name", "content", "id", "class", "href", "role", "scope", "aria-label", "aria-labelledby", "data-metric",
        "xmlns", "width", "height", "viewbox", "x", "y", "x1", "x2", "y1", "y2", "dx", "fill", "stroke", "stroke-width", "points",
        "text-anchor", "transform", "font-size", "font-weight",
    ];

    /// <summary>The e-mail text with wrapped (indented) continuation lines joined again, to find a sentence wherever
    /// the lines broke.</summary>
    public static string Unwrapped(string text) => Regex.Replace(text, @"\n {2,}(?=\S)", " ");

    /// <summary>Every <c>&lt;svg&gt;…&lt;/svg&gt;</c> of the page, parsed as XML (throws when one is not well-formed).</summary>
    public static IReadOnlyList<XDocument> SvgDocuments(string html) =>
        [.. SvgPattern().Matches(html).Select(m => XDocument.Parse(m.Value))];

    /// <summary>
    /// A minimal parse of the page: every tag is one the renderer writes, with only the attributes it writes (so no
    /// event handler), attribute values are quoted, and the only raw-text element is the one style sheet.
    /// </summary>
    public static void OnlyOwnMarkup(string html)
    {
        var tags = TagPattern().Matches(html);
        Assert.Equal(html.Count(c => c == '<'), tags.Count); // every '<' opens a tag the pattern understands
        foreach (Match tag in tags)
        {
            var name = tag.Groups["name"].Value.ToLowerInvariant();
            Assert.True(AllowedTags.Contains(name), $"unexpected tag <{name}> in …{Around(html, tag.Index)}…");
            if (name == "!doctype")
            {
                continue;
            }

            var attributes = tag.Groups["attributes"].Value;
            foreach (Match attribute in AttributePattern().Matches(attributes))
            {
                var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
                Assert.True(AllowedAttributes.Contains(attributeName), $"unexpected attribute {attributeName} on <{name}> in …{Around(html, tag.Index)}…");
            }

            var leftover = AttributePattern().Replace(attributes, "").Trim().TrimEnd('/').Trim();
            Assert.True(leftover.Length == 0, $"unparsed attribute text '{leftover}' on <{name}>");
        }

        Assert.Single(Regex.Matches(html, "<style", RegexOptions.IgnoreCase));
        Assert.DoesNotMatch(new Regex("<script", RegexOptions.IgnoreCase), html);
    }

    private static string Around(string text, int index) => text.Substring(Math.Max(0, index - 60), Math.Min(160, text.Length - Math.Max(0, index - 60)));

    [GeneratedRegex("<svg[ >].*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPattern();

    [GeneratedRegex("<(?<name>!?[A-Za-z][A-Za-z0-9-]*)(?<attributes>[^<>]*)>|</(?<name>[A-Za-z][A-Za-z0-9-]*)\\s*>", RegexOptions.Singleline)]
    private static partial Regex TagPattern();

    [GeneratedRegex("\\s(?<name>[A-Za-z][A-Za-z0-9-:]*)=\"(?<value>[^\"<>]*)\"")]
    private static partial Regex AttributePattern();
}
