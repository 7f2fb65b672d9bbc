using System.Text;
using Analytics.Domain.AiReview;

namespace Analytics.Domain.Reporting;

/// <summary>The model's reading of a section, beside its statistics. Model text is untrusted: cleaned, cut and encoded.</summary>
internal static partial class HtmlReportWriter
{
    private static void WriteModelReview(StringBuilder html, ModelReview? review)
    {
        if (review is null)
        {
            return;
        }

        html.Append("<div class=\"model-review\"><p>").Append(Html.Badge("model", "AI model")).Append(" <b>")
            .Append(Html.Name(review.Model)).Append("</b> <span class=\"small\">(every figure checked against the statistics)</span>: ")
            .Append(Html.Sentence(review.Summary)).Append("</p><ol>");
        foreach (var finding in review.Findings.Take(ReportLimits.TextModelFindings))
        {
            html.Append("<li><b>").Append(Html.Name(finding.FactId)).Append(" \u00b7 ").Append(Html.Name(finding.SubjectId)).Append("</b> ")
                .Append(Html.Sentence(finding.Explanation)).Append("</li>");
        }

        html.Append("</ol>");
        if (review.Recommendations.Count > 0)
        {
            html.Append("<ul>");
            foreach (var recommendation in review.Recommendations)
            {
                html.Append("<li><b>").Append(Html.Sentence(recommendation.Title)).Append("</b> ").Append(Html.Sentence(recommendation.Action))
                    .Append(" <span class=\"small\">(facts ").Append(Html.Name(string.Join(", ", recommendation.FactIds))).Append(")</span></li>");
            }

            html.Append("</ul>");
        }

        html.Append("</div>");
    }
}
