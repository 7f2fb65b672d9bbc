using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

/// <summary>Uploaded text in every field of the insights can neither inject markup into the page nor forge lines of
/// the e-mail, nor break the SNS subject.</summary>
public sealed class ReportEscapingTests
{
    private static readonly RenderedReport Report = new DailyReportRenderer().Render(HostileText.Apply(ReportSamples.Realistic(12)), "s3://b/reports/x.html");

    [Fact]
    public void Render_HostileNames_PageHasOnlyItsOwnMarkup() => ReportAssert.OnlyOwnMarkup(Report.Html);

    [Fact]
    public void Render_HostileNames_AppearOnlyEncodedInThePage()
    {
        var html = Report.Html;

        Assert.DoesNotContain(HostileText.Script, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(HostileText.ImgBreakout, html, StringComparison.Ordinal);
        Assert.DoesNotContain(HostileText.CdataEnd, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>WWW", html, StringComparison.Ordinal);
        Assert.Equal(html.Split("<svg ").Length, html.Split(HostileText.SvgEnd).Length); // only the charts' own end tags
        Assert.DoesNotContain('\u202E', html);
        Assert.DoesNotContain('\u0000', html);
        Assert.DoesNotContain('\u2028', html);
        Assert.DoesNotContain("\n\nURGENT", html, StringComparison.Ordinal);
        // Shown, encoded: in element text, in SVG titles and in the tile tooltips.
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(1)&gt;]]&gt;&lt;/svg&gt; URGENT: wire money", html, StringComparison.Ordinal);
        Assert.Contains("<title>store-00000&lt;script&gt;alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;WWWW", html, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('W', ReportLimits.HtmlNameLength + 1), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileNames_SvgChartsStayWellFormed() => Assert.Equal(4, ReportAssert.SvgDocuments(Report.Html).Count);

    [Fact]
    public void Render_HostileNames_TextCannotForgeLinesOrReorderText()
    {
        var lines = Report.Text.Split('\n');

        // No line starts with the forged words: at most a wrapped, indented continuation of its item does.
        Assert.DoesNotContain(lines, l => l.StartsWith("URGENT", StringComparison.Ordinal));
        Assert.All(lines.Where(l => l.TrimStart().StartsWith("URGENT", StringComparison.Ordinal)), l => Assert.StartsWith("  ", l, StringComparison.Ordinal));
        Assert.Contains("<script>alert(1)</script>\"><img src=x onerror=alert(1)>]]></svg> URGENT: wire money gnp.exe", ReportAssert.Unwrapped(Report.Text), StringComparison.Ordinal);
        Assert.All(Report.Text, c => Assert.True(c == '\n' || !char.IsControl(c), $"control character U+{(int)c:X4}"));
        Assert.DoesNotContain('\u202E', Report.Text);
        Assert.DoesNotContain('\u2028', Report.Text);
        Assert.All(lines, l => Assert.InRange(l.Length, 0, 200));
        Assert.Contains("<b>" + new string('W', ReportLimits.TextNameLength - 3) + "\u2026", Report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HostileCurrency_SubjectFollowsSnsRules()
    {
        var subject = Report.Subject;

        Assert.InRange(subject.Length, 1, 99);
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
        Assert.NotEqual(' ', subject[0]);
        Assert.StartsWith("Daily sales 2025-06-18: net revenue ", subject, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", subject, StringComparison.Ordinal);
    }
}
