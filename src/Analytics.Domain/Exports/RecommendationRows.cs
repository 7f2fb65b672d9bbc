using System.Globalization;
using System.Text;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Exports;

/// <summary>
/// <c>recommendations</c>: one row per recommendation in rank order. QuickSight flattens nested JSON poorly, so the
/// facts are one display string, <c>subject:subject_id Figure=value</c> joined by <c>"; "</c> (values exact, invariant
/// culture), with <c>fact_count</c> beside it. <c>priority_level</c> (1 low … 3 high) sorts where <c>priority</c> reads.
/// </summary>
internal static class RecommendationRows
{
    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken)
    {
        foreach (var recommendation in insights.Recommendations.OrderBy(r => r.Rank))
        {
            var json = rows.StartRow();
            json.WriteNumber("rank", recommendation.Rank);
            json.WriteString("priority", ExportJson.Snake(recommendation.Priority));
            json.WriteNumber("priority_level", (int)recommendation.Priority);
            json.WriteString("kind", ExportJson.Snake(recommendation.Kind));
            json.WriteString("subject_id", recommendation.SubjectId);
            json.WriteString("title", recommendation.Title);
            json.WriteString("action", recommendation.Action);
            json.WriteNumber("fact_count", recommendation.Facts.Count);
            json.WriteString("facts", Facts(recommendation.Facts));
            await rows.EndRowAsync(cancellationToken);
        }
    }

    internal static string Facts(IReadOnlyList<RecommendationFact> facts)
    {
        var text = new StringBuilder();
        foreach (var fact in facts)
        {
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(ExportJson.Snake(fact.Subject)).Append(':').Append(fact.SubjectId).Append(' ')
                .Append(fact.Figure).Append('=').Append(fact.Value.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
