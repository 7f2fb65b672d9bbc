using Analytics.Domain.AiReview;

namespace Analytics.Domain.Reporting;

/// <summary>The model's reading of a section, beside its statistics. Model text is untrusted: cleaned and cut.</summary>
internal static partial class TextReportWriter
{
    private static void WriteModelReview(PlainText text, ModelReview? review)
    {
        if (review is null)
        {
            return;
        }

        text.Line().Wrapped("  ", $"AI model's reading ({Name(review.Model)}; every figure checked against the statistics):", 4)
            .Wrapped("    ", UntrustedText.Clean(review.Summary, ReportLimits.SentenceLength), 4);
        foreach (var finding in review.Findings.Take(ReportLimits.TextModelFindings))
        {
            text.Wrapped($"  {finding.Rank,2}. ", $"[{Name(finding.FactId)}] {Name(finding.SubjectId)}: {UntrustedText.Clean(finding.Explanation, ReportLimits.SentenceLength)}", 6);
        }

        foreach (var recommendation in review.Recommendations)
        {
            text.Wrapped("    - ", $"{UntrustedText.Clean(recommendation.Title, ReportLimits.TextNameLength * 2)}: " +
                                    $"{UntrustedText.Clean(recommendation.Action, ReportLimits.SentenceLength)} " +
                                    $"(facts {Name(string.Join(", ", recommendation.FactIds))})", 6);
        }
    }
}
