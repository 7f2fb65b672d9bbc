namespace Analytics.Domain.Analysis;

/// <summary>Settings of the daily analysis. Bound from configuration section <c>Analysis</c> (<c>Analysis__TimeZone</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>
    /// The chain's IANA time zone. A run without a date analyses yesterday in it, as seen at the execution's start;
    /// a date after today in it is refused.
    /// </summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>
    /// Dates on which the whole chain is closed (public holidays, stock-taking), as ISO dates
    /// (<c>Analysis:ClosedDates:0 = 2025-12-25</c>; <c>Analysis__ClosedDates__0</c> in a Lambda's environment). The
    /// sales forecast gives every entity 0 on them, and leaves them out of the history it learns from, so that a
    /// closure does not drag the level or the weekday pattern down. A value that is not a date fails the binding,
    /// naming its key. Empty by default.
    /// </summary>
    public IList<DateOnly> ClosedDates { get; } = [];
}
