using System.Text.Json;
using Analytics.Domain.Exports;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Tests.Exports;

public sealed class ForecastRowsTests
{
    private const string Dataset = "forecast_test"; // the partition these tests write; QuickSightDatasets names the real one
    private static readonly DateOnly Day = new(2025, 3, 12); // a Wednesday: D + 3 is the Saturday
    private readonly InMemoryObjectStore _store = new();

    /// <summary>An entity's week: 100.50 × its scale a day (low 80 %, high 125 % of it), the Saturday closed.</summary>
    private static EntityForecast Entity(string id, decimal scale) => new(id, 56, [1m, 1m, 1m, 1m, 1m, 0m, 1m],
    [
        .. Enumerable.Range(1, 7).Select(h => Day.AddDays(h).DayOfWeek == DayOfWeek.Saturday
            ? new ForecastDay(Day.AddDays(h), 0m, 0m, 0m, true)
            : new ForecastDay(Day.AddDays(h), 100.50m * scale, 80.40m * scale, 125.625m * scale, false)),
    ]);

    private static ForecastReport Report(EntityForecast? chain) =>
        new(Day, SalesForecaster.MethodName, chain, [Entity("s1", 0.5m), Entity("s2", 0.5m)], [Entity("Coffee", 1m)], 1, 0);

    private async Task<IReadOnlyList<JsonElement>> WriteAsync(ForecastReport? report)
    {
        using (var rows = new NdjsonPartitionWriter(_store, Dataset, Day, 1 << 20))
        {
            await ForecastRows.WriteAsync(rows, report, CancellationToken.None);
            await rows.CompleteAsync(QuickSightKeys.Manifest(Dataset), CancellationToken.None);
        }

        return ExportedRows.Read(_store, Dataset, Day);
    }

    [Fact]
    public void Table_Columns_AreTheForecastColumnsAfterTheBusinessDate()
    {
        Assert.Equal(
            [("business_date", ExportColumnType.Date), ("level", ExportColumnType.Text), ("entity_id", ExportColumnType.Text),
             ("forecast_date", ExportColumnType.Date), ("expected", ExportColumnType.FractionalNumber), ("low", ExportColumnType.FractionalNumber),
             ("high", ExportColumnType.FractionalNumber), ("closed", ExportColumnType.Boolean)],
            ForecastRows.Table.Columns.Select(c => (c.Name, c.Type)));
    }

    [Fact]
    public async Task WriteAsync_ChainStoresAndCategories_SevenRowsEachInReportOrderWithExactDecimals()
    {
        var rows = await WriteAsync(Report(Entity(SalesForecaster.ChainId, 1m)));

        Assert.Equal(4 * 7, rows.Count);
        Assert.Equal([.. Enumerable.Repeat("chain", 7), .. Enumerable.Repeat("store", 14), .. Enumerable.Repeat("category", 7)], rows.Select(r => r.Text("level")));
        Assert.Equal(["chain", "s1", "s2", "Coffee"], rows.Select(r => r.Text("entity_id")).Distinct());
        Assert.All(rows, r => Assert.Equal(ForecastRows.Table.Columns.Select(c => c.Name), r.EnumerateObject().Select(p => p.Name)));
        Assert.Equal(
            """{"business_date":"2025-03-12","level":"chain","entity_id":"chain","forecast_date":"2025-03-13","expected":100.50,"low":80.40,"high":125.625,"closed":false}""",
            ExportedRows.Lines(_store, Dataset, Day)[0]);
        Assert.Equal(["\"2025-03-15\"", "0", "0", "0", "true"], Columns(rows[9], "forecast_date", "expected", "low", "high", "closed")); // s1's Saturday
        Assert.Equal(["50.250", "40.200", "62.8125"], Columns(rows[7], "expected", "low", "high")); // decimals as they are, scale kept
    }

    [Fact]
    public async Task WriteAsync_NoChainForecast_StoresAndCategoriesOnly()
    {
        var rows = await WriteAsync(Report(null));

        Assert.Equal(3 * 7, rows.Count);
        Assert.DoesNotContain(rows, r => r.Text("level") == "chain");
    }

    [Fact]
    public async Task WriteAsync_StepFailed_NoRows()
    {
        using var rows = new NdjsonPartitionWriter(_store, Dataset, Day, 1 << 20);

        await ForecastRows.WriteAsync(rows, null, CancellationToken.None);
        var exported = await rows.CompleteAsync(QuickSightKeys.Manifest(Dataset), CancellationToken.None);

        Assert.Equal(0, exported.Rows);
    }

    private static string[] Columns(JsonElement row, params string[] columns) => [.. columns.Select(c => row.Raw(c))];
}
