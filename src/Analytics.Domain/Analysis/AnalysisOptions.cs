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
}
