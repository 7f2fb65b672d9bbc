using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.Insights;

public sealed partial class SalesForecasterTests(ITestOutputHelper output)
{
    private static readonly DateOnly Day = new(2025, 6, 18); // a Wednesday

    private static SalesForecaster Forecaster(params DateOnly[] closedDates)
    {
        var options = new AnalysisOptions();
        foreach (var date in closedDates)
        {
            options.ClosedDates.Add(date);
        }

        return new SalesForecaster(Options.Create(options));
    }
}
