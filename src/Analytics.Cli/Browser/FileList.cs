using System.Text;

namespace Analytics.Cli.Browser;

/// <summary>A table of files with links, shared by the day's and the execution's pages.</summary>
internal static class FileList
{
    public static string Render(IReadOnlyList<FileLink> files)
    {
        if (files.Count == 0)
        {
            return "<p class=\"empty\">No files.</p>";
        }

        var html = new StringBuilder("<table class=\"list files\">\n<thead><tr><th>File</th><th>Size</th></tr></thead>\n<tbody>\n");
        foreach (var file in files.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            html.Append("<tr><td>").Append(BrowserLayout.Link(file.Url, file.Name)).Append("</td><td>")
                .Append(BrowserLayout.Size(file.Bytes)).Append("</td></tr>\n");
        }

        return html.Append("</tbody>\n</table>").ToString();
    }
}
