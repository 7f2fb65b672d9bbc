using System.Text.Json.Serialization;

namespace Analytics.Domain.AiReview;

/// <summary>
/// One fact handed to the model, with the id it cites it by. <see cref="SubjectId"/> is uploaded text (a store id, a
/// category or SKU name) and is serialized as data. <see cref="Parts"/> are the facts it rests on (contributors, the
/// figures of other subjects a recommendation cites), each with its own id.
/// </summary>
/// <param name="Subject"><c>chain</c>, <c>store</c>, <c>category</c> or <c>sku</c>.</param>
/// <param name="What">What the fact is, in our own words (never uploaded text).</param>
public sealed record PromptFact(
    string Id,
    string Subject,
    string SubjectId,
    string What,
    IReadOnlyList<PromptFigure> Figures,
    IReadOnlyList<PromptFact>? Parts = null);

/// <summary>A figure of a fact. <see cref="Unit"/>: <c>money</c>, <c>percent</c>, <c>rate</c> (a fraction: 0.05 is
/// 5 %), <c>count</c>, <c>days</c>, <c>score</c> or <c>money/day</c>.</summary>
public sealed record PromptFigure(string Name, decimal Value, string Unit)
{
    /// <summary>
    /// A signed change against a baseline, whose sign says rise or fall: a percentage other than a share
    /// (<c>percentChange</c>, the slopes' and period-over-period percentages), a slope in money a day, a z-score, a
    /// contributor's <c>deviation</c>. The answer check holds "doubled", "halved", "flat", "rose", "fell" to these. Not sent
    /// to the model.
    /// </summary>
    [JsonIgnore]
    public bool IsChange => Unit switch
    {
        "percent" => Name != "sharePercent",
        "money/day" or "score" => true,
        _ => Name == "deviation",
    };
}
