namespace Analytics.Domain.AiReview;

/// <summary>
/// What the model wrote about a step's facts, after validation: every fact id it cites exists, every store, SKU and
/// category it names was in the facts, every number it states, in digits or in words, is one of the facts' figures
/// (within rounding), its relative amounts and directions agree with the facts' changes, and it tells the chain to do
/// nothing drastic and nothing beyond the facts it cites (<see cref="ModelAnswerValidator"/>).
/// </summary>
/// <param name="Model">The model id that wrote it.</param>
/// <param name="Summary">One paragraph.</param>
/// <param name="Findings">The facts it ranks, most important first, each explained.</param>
/// <param name="Recommendations">Its recommendations, each citing the facts it rests on.</param>
public sealed record ModelReview(
    string Model,
    string Summary,
    IReadOnlyList<ModelFinding> Findings,
    IReadOnlyList<ModelRecommendation> Recommendations);

/// <summary>A fact the model ranked: <see cref="FactId"/> is the id the prompt gave it, <see cref="SubjectId"/> its subject.</summary>
public sealed record ModelFinding(int Rank, string FactId, string SubjectId, string Explanation);

/// <summary>A recommendation of the model, citing the ids of the facts it rests on.</summary>
public sealed record ModelRecommendation(string Title, string Action, IReadOnlyList<string> FactIds);
