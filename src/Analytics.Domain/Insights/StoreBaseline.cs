using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>One store's day D (null when it did not trade) and its store-days on the baseline dates it traded on.</summary>
internal sealed class StoreBaseline(string storeId)
{
    public string StoreId { get; } = storeId;

    public StoreDaySummary? TodaySummary { get; set; }

    public List<StoreDaySummary> PastDays { get; } = [];

    public bool TradedToday => TodaySummary is not null;

    public DayFigures Today => TodaySummary is null ? DayFigures.None : AnomalyDetector.Figures(TodaySummary.Totals);

    public IReadOnlyList<DayFigures> Past => [.. PastDays.Select(d => AnomalyDetector.Figures(d.Totals))];
}
