namespace Analytics.Domain.Insights;

/// <summary>
/// The forecast of one entity (the chain, a store or a category) for D + 1 … D + 7, in date order.
/// </summary>
/// <param name="Id">The store id or category name; <see cref="SalesForecaster.ChainId"/> for the chain.</param>
/// <param name="HistoryDays">Known days on the entity's trading weekdays the forecast rests on (D included).</param>
/// <param name="WeekdayFactors">The entity's weekday pattern, Monday first, rounded to 4 places: averages 1 over its
/// trading weekdays, 0 on a weekday it never trades on.</param>
public sealed record EntityForecast(string Id, int HistoryDays, IReadOnlyList<decimal> WeekdayFactors, IReadOnlyList<ForecastDay> Days)
{
    /// <summary>Expected net revenue over the seven days (the sum of the days' expected figures; the days' intervals do
    /// not add up to an interval of the sum, so none is given for it).</summary>
    public decimal ExpectedTotal => Days.Sum(d => d.Expected);
}
