using System.Text;

namespace Analytics.Domain.Reporting;

/// <summary>
/// Lines of the plain-text e-mail: '\n' line ends, headings underlined, long sentences wrapped at
/// <see cref="Width"/> columns with a hanging indent, so the body reads in a fixed-width mail client.
/// </summary>
internal sealed class PlainText
{
    public const int Width = 78;
    private readonly StringBuilder _text = new();

    public int Length => _text.Length;

    public PlainText Line(string line = "")
    {
        _text.Append(line.TrimEnd()).Append('\n');
        return this;
    }

    public PlainText Heading(string title)
    {
        if (_text.Length > 0)
        {
            _text.Append('\n');
        }

        return Line(title.ToUpperInvariant()).Line(new string('=', title.Length));
    }

    /// <summary>
    /// Words of <paramref name="text"/> on lines of at most <see cref="Width"/> columns; the first line starts with
    /// <paramref name="first"/>, the others with <paramref name="indent"/> spaces (at least 2): a wrapped line always
    /// reads as the continuation of its item, so a word of an uploaded name can never start a line of its own.
    /// </summary>
    public PlainText Wrapped(string first, string text, int indent)
    {
        indent = Math.Max(indent, 2);
        var line = new StringBuilder(first);
        var lineHasWord = false;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                Line(line.ToString());
                line.Clear().Append(' ', indent);
                lineHasWord = false;
            }

            if (lineHasWord)
            {
                line.Append(' ');
            }

            line.Append(word);
            lineHasWord = true;
        }

        return Line(line.ToString());
    }

    /// <summary>"… and N more" when a list was cut.</summary>
    public PlainText More(int shown, int total, string what, string indent = "  ")
    {
        if (total > shown)
        {
            Line($"{indent}\u2026 and {ReportFormat.Integer(total - shown)} more {what}");
        }

        return this;
    }

    public override string ToString() => _text.ToString();
}
