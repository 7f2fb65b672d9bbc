using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StatesLanguage.Server.Console;

/// <summary>State data shown in a page: pretty-printed JSON in a <c>&lt;pre&gt;</c>, escaped, optionally inside a
/// collapsed <c>&lt;details&gt;</c>.</summary>
public static class JsonBlock
{
    private static readonly JsonSerializerOptions s_pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The JSON text, indented; <c>null</c> for no value.</summary>
    public static string Pretty(JsonNode? node) => node is null ? "null" : node.ToJsonString(s_pretty);

    public static string Pre(JsonNode? node) => $"<pre class=\"json\">{HtmlText.Escape(Pretty(node))}</pre>";

    /// <summary>A collapsed block titled <paramref name="summary"/> (escaped) that opens on the JSON.</summary>
    public static string Details(string summary, JsonNode? node, bool open = false)
    {
        var html = new StringBuilder("<details class=\"json\"").Append(open ? " open" : "").Append("><summary>");
        HtmlText.Append(html, summary).Append("</summary>").Append(Pre(node)).Append("</details>");
        return html.ToString();
    }
}
