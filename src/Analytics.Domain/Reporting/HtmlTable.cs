using System.Net;
using System.Text;

namespace Analytics.Domain.Reporting;

/// <summary>
/// A table of the HTML page, in a horizontally scrolling wrapper for narrow screens. Headers are plain text (encoded
/// here); cells are HTML fragments that the caller has built from encoded text. A header starting with '#' is a
/// right-aligned number column, one starting with '~' a wide text column (the mark is not shown).
/// </summary>
internal sealed class HtmlTable(string caption, params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public HtmlTable Row(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    private static string ColumnClass(string header) => header.StartsWith('#') ? " class=\"n\"" : header.StartsWith('~') ? " class=\"w\"" : "";

    /// <summary>Writes the table, and "… and N more" under it when <paramref name="total"/> exceeds the rows.</summary>
    public void WriteTo(StringBuilder html, int? total = null, string more = "")
    {
        html.Append("<div class=\"scroll\"><table><caption>").Append(WebUtility.HtmlEncode(caption)).Append("</caption><thead><tr>");
        foreach (var header in headers)
        {
            var marked = header.Length > 0 && header[0] is '#' or '~';
            html.Append("<th scope=\"col\"").Append(ColumnClass(header)).Append('>')
                .Append(WebUtility.HtmlEncode(marked ? header[1..] : header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in _rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append("<td").Append(i < headers.Length ? ColumnClass(headers[i]) : "").Append('>').Append(row[i]).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        if (total is { } all && all > _rows.Count)
        {
            html.Append("<p class=\"more\">\u2026 and ").Append(ReportFormat.Integer(all - _rows.Count)).Append(" more ")
                .Append(WebUtility.HtmlEncode(more)).Append("</p>");
        }
    }
}
