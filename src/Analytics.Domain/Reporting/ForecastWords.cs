using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

/// <summary>What the HTML page and the e-mail both say about the forecast.</summary>
internal static class ForecastWords
{
    /// <summary>Entities by expected net revenue over the seven days, largest first (ties by id, ordinal).</summary>
    public static IReadOnlyList<EntityForecast> ByExpectedTotal(IReadOnlyList<EntityForecast> entities) =>
        [.. entities.OrderByDescending(e => e.ExpectedTotal).ThenBy(e => e.Id, StringComparer.Ordinal)];

    /// <summary>Which stores and categories were forecast, and how.</summary>
    public static string Coverage(ForecastReport forecast) =>
        $"{ReportFormat.Integer(forecast.Stores.Count)} stores and {ReportFormat.Integer(forecast.Categories.Count)} categories forecast" +
        (forecast.StoresLeftOut + forecast.CategoriesLeftOut > 0
            ? $" ({ReportFormat.Integer(forecast.StoresLeftOut)} stores and {ReportFormat.Integer(forecast.CategoriesLeftOut)} categories left out: under {SalesForecaster.MinimumHistoryDays} days of history)"
            : "") +
        $"; every store's days are in the sales_forecast export. Forecast: a trimmed {ForecastModel.LevelDays}-day level \u00d7 the weekday pattern, " +
        $"{SalesForecaster.IntervalPercent} % intervals from the entity's own past forecast errors; weekdays without sales and configured closed dates are closed.";
}
