namespace Analytics.Domain.Insights;

/// <summary>
/// ForecastSales: net revenue for the seven days after <see cref="Date"/> (D + 1 … D + 7), for the chain, every
/// store and every category, each with an 80 % prediction interval (see <see cref="SalesForecaster"/>).
/// </summary>
/// <param name="Method">Which method made the figures (<see cref="SalesForecaster.MethodName"/>), so a later method
/// can be told apart in stored reports.</param>
/// <param name="Chain">Null only when the chain itself has too little history (a new deployment's first weeks).</param>
/// <param name="Stores">Forecast stores, by ordinal id.</param>
/// <param name="Categories">Forecast categories, by ordinal name.</param>
/// <param name="StoresLeftOut">Stores seen in the window with too little history to forecast
/// (<see cref="SalesForecaster.MinimumHistoryDays"/>).</param>
/// <param name="CategoriesLeftOut">Likewise for categories.</param>
public sealed record ForecastReport(
    DateOnly Date,
    string Method,
    EntityForecast? Chain,
    IReadOnlyList<EntityForecast> Stores,
    IReadOnlyList<EntityForecast> Categories,
    int StoresLeftOut,
    int CategoriesLeftOut);
