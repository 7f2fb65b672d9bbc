using System.Text;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("Espresso Beans 1kg", 60, "Espresso Beans 1kg")]
    [InlineData("  two\r\n\r\nlines\t", 60, "two lines")]
    [InlineData("left\u202Eright\u200Bzero\uFEFFbom", 60, "left right zero bom")]
    [InlineData("para\u2029graph\u2028line\u0085next", 60, "para graph line next")]
    [InlineData("caf\u00e9 \U0001F600 ok", 60, "caf\u00e9 \U0001F600 ok")]
    [InlineData("abcdef", 3, "abc\u2026")]
    [InlineData("", 3, "")]
    public void Clean_UploadedText_KeepsVisibleTextOnOneLine(string value, int maxLength, string expected) =>
        Assert.Equal(expected, UntrustedText.Clean(value, maxLength));

    [Fact]
    public void Html_MarkupAndQuotes_AreEncoded() =>
        Assert.Equal("&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;", UntrustedText.Html("<a href=\"x\" onclick='y'>&", 60));

    [Fact]
    public void Ascii_NonAscii_BecomesQuestionMarksAndTheEllipsisDots() =>
        Assert.Equal("US? <s...", UntrustedText.Ascii("US\u20ac\n<script>", 5));

    [Fact]
    public void Clean_LoneSurrogates_BecomeSpaces()
    {
        var value = "lone" + (char)0xD800 + "high " + (char)0xDC00 + "low";

        Assert.Equal("lone high low", UntrustedText.Clean(value, 60));
    }

    [Fact]
    public void Bounded_BodyOverTheLimit_IsCutAtALineWithANote()
    {
        var line = new string('x', 99) + "\n";
        var body = string.Concat(Enumerable.Repeat(line, 3_000)); // 300,000 bytes

        var bounded = TextReportWriter.Bounded(body, "s3://b/r.html");

        Assert.InRange(Encoding.UTF8.GetByteCount(bounded), 1, ReportLimits.MaxTextBytes);
        Assert.EndsWith("\n[The e-mail was cut at 150,000 bytes; the full report is s3://b/r.html.]\n", bounded, StringComparison.Ordinal);
        Assert.StartsWith(line + line, bounded, StringComparison.Ordinal);
        Assert.Same(line, TextReportWriter.Bounded(line, null));
    }
}
