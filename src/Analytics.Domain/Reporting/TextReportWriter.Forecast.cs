using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Reporting;

internal static partial class TextReportWriter
{
    /// <summary>The next seven days: the chain's days with their intervals and the categories' expected totals. A
    /// document from before ForecastSales existed has no forecast section.</summary>
    private static void WriteForecast(PlainText text, DailyInsights insights, string currency)
    {
        if (!insights.Parts.Any(p => p.Section == AnalysisSection.Forecast))
        {
            return;
        }

        text.Heading("Sales forecast, next 7 days");
        var forecast = insights.Forecast;
        if (forecast is null)
        {
            text.Line("The forecast failed: none today (see ANALYSIS STEPS).");
            return;
        }

        if (forecast.Chain is { } chain)
        {
            text.Line($"Chain net revenue in {currency} (80 % interval):");
            foreach (var day in chain.Days)
            {
                text.Line($"  {day.Date.DayOfWeek,-9} {ReportFormat.Date(day.Date)}  " +
                          (day.Closed ? "closed" : $"{ReportFormat.Amount(day.Expected),14}  ({ReportFormat.AmountRange(day.Low, day.High)})"));
            }

            text.Line($"  {"7 days",-20} {ReportFormat.Amount(chain.ExpectedTotal),14}");
        }
        else
        {
            text.Line($"The chain has too little history for a forecast (it needs {SalesForecaster.MinimumHistoryDays} days of it).");
        }

        var categories = ForecastWords.ByExpectedTotal(forecast.Categories);
        if (categories.Count > 0)
        {
            text.Line("Categories, expected over the 7 days:");
            foreach (var category in categories.Take(ReportLimits.TextMovers))
            {
                text.Line($"  {Name(category.Id),-30} {ReportFormat.Amount(category.ExpectedTotal),14}");
            }

            text.More(Math.Min(categories.Count, ReportLimits.TextMovers), categories.Count, "categories");
        }

        text.Wrapped("", ForecastWords.Coverage(forecast), 0);
    }
}
