using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.Tests.Reporting;

public sealed class ModelReviewReportTests
{
    private static readonly ModelReview Review = new("claude-test", "Coffee <script>alert(1)</script> leads the day.",
        [new(1, "A1", "Coffee", "It sold twice its median & more.")],
        [new("Restock \"Coffee\"", "Secure stock.", ["A1"])]);

    [Fact]
    public void Render_ModelReviews_ShownBesideTheStatisticsAndEscaped()
    {
        var hand = ReportSamples.Realistic(20);
        var insights = hand with
        {
            Anomalies = hand.Anomalies! with { Review = Review },
            Trends = hand.Trends! with { Review = Review with { Summary = "Trend reading." } },
            RecommendationsReview = Review with { Summary = "Recommendation reading." },
            Parts = [.. ReportSamples.AllSucceeded.Select(p => p.Section is AnalysisSection.Anomalies or AnalysisSection.Trends or AnalysisSection.Recommendations ? p with { Source = PartStatus.Model } : p)],
        };

        var report = new DailyReportRenderer().Render(insights);

        Assert.Contains("<h2>Anomalies <span class=\"badge model\">from AI model</span></h2><div class=\"model-review\">", report.Html, StringComparison.Ordinal);
        Assert.Contains("Coffee &lt;script&gt;alert(1)&lt;/script&gt; leads the day.", report.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", report.Html, StringComparison.Ordinal);
        Assert.Contains("<b>A1 \u00b7 Coffee</b> It sold twice its median &amp; more.", report.Html, StringComparison.Ordinal);
        Assert.Contains("Trend reading.", report.Html, StringComparison.Ordinal);
        Assert.Contains("Recommendation reading.", report.Html, StringComparison.Ordinal);
        Assert.Contains("AI model's reading (claude-test; every figure checked", report.Text, StringComparison.Ordinal);
        Assert.Contains("[A1] Coffee: It sold twice its median & more.", report.Text, StringComparison.Ordinal);
        Assert.Contains("Recommendation reading.", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ModelFailedStatisticsKept_StepsSayPartialWithTheError()
    {
        var insights = ReportSamples.Realistic(20) with
        {
            Parts = [.. ReportSamples.AllSucceeded.Select(p => p.Section == AnalysisSection.Trends
                ? p with { Error = nameof(InvalidModelAnswerException), Cause = "summary states 9,999" } : p)],
        };

        var report = new DailyReportRenderer().Render(insights);

        Assert.True(insights.HasErrors);
        Assert.Contains("  AnalyzeTrends            partial findings from statistics\n", report.Text, StringComparison.Ordinal);
        Assert.Contains("InvalidModelAnswerException: summary states 9,999", report.Text, StringComparison.Ordinal);
        Assert.Contains("model failed, statistics kept", report.Html, StringComparison.Ordinal);
        Assert.NotNull(insights.Trends);
    }
}
