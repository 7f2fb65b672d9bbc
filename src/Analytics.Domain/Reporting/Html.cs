using System.Net;

namespace Analytics.Domain.Reporting;

/// <summary>Fragments of the HTML page. Every string that goes into markup passes through <see cref="Text"/> or
/// <see cref="Name"/>: nothing is ever inserted unencoded.</summary>
internal static class Html
{
    /// <summary>Report-made text (labels, formatted numbers), encoded.</summary>
    public static string Text(string value) => WebUtility.HtmlEncode(value);

    /// <summary>Uploaded text (store id, SKU, product or category name), cleaned, cut and encoded.</summary>
    public static string Name(string? value) => UntrustedText.Html(value, ReportLimits.HtmlNameLength);

    /// <summary>A longer uploaded or model-written sentence (recommendation, error cause), cleaned, cut and encoded.</summary>
    public static string Sentence(string? value) => UntrustedText.Html(value, ReportLimits.SentenceLength);

    /// <summary>A signed percentage coloured by its direction.</summary>
    public static string Change(decimal? percent) => percent switch
    {
        > 0m => $"<span class=\"up\">{Text(ReportFormat.Percent(percent))}</span>",
        < 0m => $"<span class=\"down\">{Text(ReportFormat.Percent(percent))}</span>",
        _ => Text(ReportFormat.Percent(percent)),
    };

    /// <summary>A small coloured label; <paramref name="cssClass"/> is one of the page's own class names.</summary>
    public static string Badge(string cssClass, string label) => $"<span class=\"badge {cssClass}\">{Text(label)}</span>";
}
