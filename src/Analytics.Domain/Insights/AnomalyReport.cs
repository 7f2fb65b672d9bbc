using Analytics.Domain.AiReview;

namespace Analytics.Domain.Insights;

/// <summary>
/// DetectAnomalies' facts for <see cref="Date"/>. When <see cref="HistoryTooShort"/> the chain has fewer than
/// <see cref="AnomalyDetector.MinimumHistory"/> same-weekday days with sales and nothing is raised: the report says
/// so instead of guessing. Stores and categories with short histories are skipped individually and counted.
/// <see cref="Anomalies"/> are ranked: severity, then |z|, then |value − median|, then subject and id.
/// </summary>
/// <param name="BaselineDates">The same-weekday dates the baseline looked at (D − 7 … D − 56).</param>
/// <param name="Incidents">The anomalies grouped by cause and weighed in money (<see cref="IncidentBuilder"/>), ranked;
/// null in a report written before incidents existed.</param>
/// <param name="IncompleteDays">Store-days of D that end hours before they usually do (<see cref="Insights.IncompleteDays"/>);
/// null in a report written before the check existed.</param>
/// <param name="LossFindings">Same-day voids and SKU returns of D (<see cref="LossPreventionFinder"/>), ranked; null in a
/// report written before they were looked for.</param>
/// <param name="Review">The model's ranking and explanation of the top anomalies, when a model was used.</param>
/// <param name="ChainBaselinePoints">Of those, how many had chain sales.</param>
public sealed record AnomalyReport(
    DateOnly Date,
    IReadOnlyList<DateOnly> BaselineDates,
    int ChainBaselinePoints,
    bool HistoryTooShort,
    string Note,
    int StoresChecked,
    int StoresWithShortHistory,
    int CategoriesChecked,
    int CategoriesWithShortHistory,
    IReadOnlyList<Anomaly> Anomalies,
    ModelReview? Review = null,
    IReadOnlyList<Incident>? Incidents = null,
    IReadOnlyList<IncompleteDay>? IncompleteDays = null,
    IReadOnlyList<LossFinding>? LossFindings = null);
