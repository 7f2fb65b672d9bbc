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
    public static ExportTable<Recommendation> Table { get; } = new ExportTable<Recommendation>()
        .Integer("rank", r => r.Rank)
        .Text("priority", r => ExportJson.Snake(r.Priority))
        .Integer("priority_level", r => (int)r.Priority)
        .Text("kind", r => ExportJson.Snake(r.Kind))
        .Text("subject_id", r => r.SubjectId)
        .Text("title", r => r.Title)
        .Text("action", r => r.Action)
        .Integer("fact_count", r => r.Facts.Count)
        .Text("facts", r => Facts(r.Facts));

    public static async Task WriteAsync(NdjsonPartitionWriter rows, DailyInsights insights, CancellationToken cancellationToken)
    {
        foreach (var recommendation in insights.Recommendations.OrderBy(r => r.Rank))
        {
            await Table.WriteAsync(rows, recommendation, cancellationToken);
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
