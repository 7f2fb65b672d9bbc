using Analytics.Domain.Analysis;

namespace Analytics.Domain.AiReview;

/// <summary>
/// The facts of one analysis step for the model: a bounded number of the top findings (never raw data), so the prompt's
/// size does not depend on the number of stores. Also what an answer is checked against: its fact ids, subjects and
/// figures.
/// </summary>
/// <param name="Section">What the facts are about; names the sheet in logs.</param>
/// <param name="Task">What the model is asked to do with the facts, in our own words.</param>
public sealed record FactSheet(AnalysisSection Section, DateOnly Date, string Currency, string Task, IReadOnlyList<PromptFact> Facts)
{
    /// <summary>Every fact, parts included, depth first.</summary>
    public IEnumerable<PromptFact> AllFacts() => Facts.SelectMany(Flatten);

    private static IEnumerable<PromptFact> Flatten(PromptFact fact) => [fact, .. (fact.Parts ?? []).SelectMany(Flatten)];
}
