using StatesLanguage.Evaluation;
using StatesLanguage.Server.Console;
using StatesLanguage.Server.Executions;
using StatesLanguage.Server.Tests.Console.Support;

namespace StatesLanguage.Server.Tests.Console;

public sealed class StateHistoryTableTests
{
    [Fact]
    public async Task Render_CaughtExecution_OneRowPerStateEntryInOrderWithOutcomeErrorAndData()
    {
        var result = await RealMachines.RunDailyAnalysisAsync(("GenerateRecommendations", "ThrottlingException"));
        var trace = ExecutionTrace.From(result.History.Events);

        var html = StateHistoryTable.Render(trace);

        var rows = html.Split("<tr class=", StringSplitOptions.None).Skip(1).ToList();
        Assert.Equal(trace.Runs.Count, rows.Count);
        Assert.StartsWith("\"succeeded\" data-state=\"CheckUploads\"", rows[0], StringComparison.Ordinal);
        var caught = Assert.Single(rows, r => r.Contains("data-state=\"GenerateRecommendations\"", StringComparison.Ordinal));
        Assert.StartsWith("\"caught\"", caught, StringComparison.Ordinal);
        Assert.Contains("<code>ThrottlingException</code>", caught, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;&quot;ThrottlingException&quot;&lt;/b&gt; &amp; more", caught, StringComparison.Ordinal);
        Assert.Contains("<details class=\"json\"><summary>Input</summary><pre class=\"json\">{\n  &quot;date&quot;: &quot;2026-12-01&quot;", rows[0], StringComparison.Ordinal);
        var wait = Assert.Single(rows, r => r.Contains("data-state=\"WaitForUploads\"", StringComparison.Ordinal));
        Assert.Contains("<td class=\"time\">15 min 0 s</td>", wait, StringComparison.Ordinal);
        Assert.Contains("<td class=\"time\">2026-12-02 06:00:00.000 UTC</td>", wait, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_HostileStateData_IsEscapedEverywhere()
    {
        var machine = StateMachine.Parse("""{"StartAt":"<i>x</i> & 'y'","States":{"<i>x</i> & 'y'":{"Type":"Pass","Result":{"html":"</pre><script>alert(1)</script>"},"End":true}}}""");
        var result = await RealMachines.RunAsync(machine, """{"a":"<b>"}""", new TaskAnswers(_ => null));

        var html = StateHistoryTable.Render(result.History.Events);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;i&gt;x&lt;/i&gt; &amp; &#39;y&#39;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoEvents_SaysNoStateWasEntered() =>
        Assert.Contains("No state was entered.", StateHistoryTable.Render(new List<ExecutionEvent>()), StringComparison.Ordinal);

    [Theory]
    [InlineData(0.25, "250 ms")]
    [InlineData(3.5, "3.5 s")]
    [InlineData(125, "2 min 5 s")]
    [InlineData(7260, "2 h 1 min")]
    public void FormatDuration_Seconds_ReadsAsTheConsoleShowsIt(double seconds, string expected) =>
        Assert.Equal(expected, StateHistoryTable.FormatDuration(TimeSpan.FromSeconds(seconds)));
}
