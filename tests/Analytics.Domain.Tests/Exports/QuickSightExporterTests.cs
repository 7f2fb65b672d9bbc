using System.Text.Json;
using Analytics.Domain.Exports;
using Analytics.Domain.Insights;
using Analytics.Domain.Sales;
using Analytics.Domain.Tests.Metrics;

namespace Analytics.Domain.Tests.Exports;

/// <summary>Each dataset's rows against figures worked out by hand from <see cref="ExportData"/> (see
/// <see cref="HandData"/>'s comment for the day's sales).</summary>
public sealed class QuickSightExporterTests
{
    private static readonly DateOnly Day = ExportData.Day;
    private readonly InMemoryObjectStore _store = new();

    private Task<QuickSightExport> ExportAsync(IReadOnlyList<StoreDaySummary>? day = null, bool anomaliesFailed = false) =>
        new QuickSightExporter(_store).ExportAsync(ExportData.Insights(day, anomaliesFailed: anomaliesFailed), day ?? HandData.Today, CancellationToken.None);

    [Fact]
    public async Task ExportAsync_HandData_StoreDailyRowPerStoreWithExactDecimals()
    {
        await ExportAsync();

        var lines = ExportedRows.Lines(_store, QuickSightDatasets.StoreDaily, Day);
        Assert.Equal(3, lines.Count);
        // s1: C1 12×10.00 (discount 6), C2 6×5.00, T1 5×4.00, T2 2×8.00; 22 transactions; rank 1 of 180 / 336;
        // D−7 net 160 → +12.5 % (rounding keeps the scale: 12.5); basket 180 / 22 = 8.1818…; discount rate 6 / 186 = 0.032258…
        Assert.Equal(
            """{"business_date":"2025-03-12","store_id":"s1","currency":"USD","transactions":22,"units":25,"gross_sales":186.00,"discounts":6,"return_transactions":0,"units_returned":0,"returns":0.00,"net_revenue":180.00,"average_basket":8.18,"discount_rate":0.0323,"return_rate":0,"revenue_rank":1,"revenue_share_pct":53.57,"net_revenue_vs_last_week_pct":12.5,"return_rate_last_week":0,"has_anomaly":false,"anomaly_count":0,"anomaly_severity":null}""",
            lines[0]);
        var rows = ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day);
        Assert.Equal(["s1", "s2", "s3"], rows.Select(r => r.Text("store_id")));
        // s2: C1 5×10.00, T1 10×4.00; 15 transactions; 90 / 336 = 26.79 %; D−7 110 → −18.18 %; one high anomaly.
        Assert.Equal(["15", "15", "90.00", "0", "90.00", "6.00", "0", "2", "26.79", "-18.18", "true", "1", "\"high\""],
                     Columns(rows[1], "transactions", "units", "gross_sales", "discounts", "net_revenue", "average_basket", "discount_rate",
                             "revenue_rank", "revenue_share_pct", "net_revenue_vs_last_week_pct", "has_anomaly", "anomaly_count", "anomaly_severity"));
        // s3: C2 4×5.00, C3 4×2.50, T2 5×8.00 (discount 4); 66 / 10 = 6.60; 4 / 70 = 0.0571; 66 / 336 = 19.64 %; D−7 68 → −2.94 %.
        Assert.Equal(["10", "13", "70.00", "4", "66.00", "6.60", "0.0571", "3", "19.64", "-2.94", "false"],
                     Columns(rows[2], "transactions", "units", "gross_sales", "discounts", "net_revenue", "average_basket", "discount_rate",
                             "revenue_rank", "revenue_share_pct", "net_revenue_vs_last_week_pct", "has_anomaly"));
    }

    [Fact]
    public async Task ExportAsync_AnomaliesStepFailed_StoreAnomalyColumnsAreNullNotFalse()
    {
        await ExportAsync(anomaliesFailed: true);

        var row = ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day)[0];
        Assert.Equal(["null", "null", "null"], Columns(row, "has_anomaly", "anomaly_count", "anomaly_severity"));
        Assert.Empty(ExportedRows.Read(_store, QuickSightDatasets.Anomalies, Day));
        var company = Assert.Single(ExportedRows.Read(_store, QuickSightDatasets.CompanyDaily, Day));
        Assert.Equal(["null", "null", "null", "null", "false"],
                     Columns(company, "anomaly_count", "high_anomaly_count", "finding_count", "high_finding_count", "analysis_complete"));
    }

    [Fact]
    public async Task ExportAsync_HandData_CompanyDailyTotalsAndComparisons()
    {
        await ExportAsync();

        var row = Assert.Single(ExportedRows.Read(_store, QuickSightDatasets.CompanyDaily, Day));
        // Chain on D: gross 346, discounts 10, net 336, 47 transactions, 53 units; basket 336 / 47 = 7.1489…;
        // discount rate 10 / 346 = 0.028901…
        Assert.Equal(["\"2025-03-12\"", "\"USD\"", "3", "47", "53", "346.00", "10", "336.00", "7.15", "0.0289"],
                     Columns(row, "business_date", "currency", "stores_trading", "transactions", "units", "gross_sales", "discounts",
                             "net_revenue", "average_basket", "discount_rate"));
        // Net revenue: D−1 318 (+18 → 5.66 %), D−7 338 (−2 → −0.59 %), mean of D−7…D−28 (338·3 + 346) / 4 = 340 (−1.18 %).
        Assert.Equal(318m, row.GetProperty("net_revenue_prev_day").GetDecimal());
        Assert.Equal(["5.66", "-0.59", "-1.18", "4"],
                     Columns(row, "net_revenue_vs_prev_day_pct", "net_revenue_vs_last_week_pct", "net_revenue_vs_four_week_avg_pct", "four_week_avg_days"));
        Assert.Equal(338m, row.GetProperty("net_revenue_last_week").GetDecimal());
        Assert.Equal(340m, row.GetProperty("net_revenue_four_week_avg").GetDecimal());
        // Transactions: 45 every baseline day → (47 − 45) / 45 = 4.44 %.
        Assert.Equal(45m, row.GetProperty("transactions_prev_day").GetDecimal());
        Assert.Equal(["4.44", "4.44", "4.44"],
                     Columns(row, "transactions_vs_prev_day_pct", "transactions_vs_last_week_pct", "transactions_vs_four_week_avg_pct"));
        Assert.Equal(["2", "1", "2", "true"], Columns(row, "anomaly_count", "high_anomaly_count", "recommendation_count", "analysis_complete"));
        // The anomalies were detected before incidents existed: no findings to count.
        Assert.Equal(["null", "null"], Columns(row, "finding_count", "high_finding_count"));
        Assert.Equal(63, row.EnumerateObject().Count()); // date + 13 totals + 7 figures × 3 baselines × 2 + days + 6 counts/flags
    }

    [Fact]
    public async Task ExportAsync_Incidents_CompanyDailyCountsTheMaterialOnesAsFindings()
    {
        var anomalies = ExportData.Anomalies([ExportData.StoreAnomaly, ExportData.CategoryAnomaly]) with
        {
            Incidents =
            [
                new Incident(IncidentCause.Store, "s2", AnomalySeverity.High, 20.00m, true, [ExportData.StoreAnomaly]),
                new Incident(IncidentCause.Category, "Coffee", AnomalySeverity.Low, 6.00m, false, [ExportData.CategoryAnomaly]),
            ],
        };

        await new QuickSightExporter(_store).ExportAsync(ExportData.Insights(anomalies: anomalies), HandData.Today, CancellationToken.None);

        var row = Assert.Single(ExportedRows.Read(_store, QuickSightDatasets.CompanyDaily, Day));
        Assert.Equal(["2", "1", "1", "1"], Columns(row, "anomaly_count", "high_anomaly_count", "finding_count", "high_finding_count"));
    }

    [Fact]
    public async Task ExportAsync_DayWithReturns_StoreAndCompanyRowsCarryReturnsAndNetRevenueIsNetOfThem()
    {
        await ExportAsync(HandData.TodayWithReturns);

        var stores = ExportedRows.Read(_store, QuickSightDatasets.StoreDaily, Day);
        string[] columns = ["gross_sales", "discounts", "return_transactions", "units_returned", "returns", "net_revenue", "return_rate", "return_rate_last_week"];
        // s1 refunds C1×2 (20.00): 186 − 6 − 20 = 160, 20 / 180; s2 T1×1 (4.00): 90 − 4, 4 / 90; s3 X9×3 (6.00): 70 − 4 − 6, 6 / 66.
        Assert.Equal(
            [
                ["186.00", "6", "2", "2", "20.00", "160.00", "0.1111", "0"],
                ["90.00", "0", "1", "1", "4.00", "86.00", "0.0444", "0"],
                ["70.00", "4", "3", "3", "6.00", "60.00", "0.0909", "0"],
            ],
            stores.Select(r => Columns(r, columns)));
        var company = Assert.Single(ExportedRows.Read(_store, QuickSightDatasets.CompanyDaily, Day));
        // Chain: 346 − 10 − 30 = 306; 30 / 336 = 0.0893; no returns on any baseline day, so no percent change.
        Assert.Equal(["346.00", "10", "6", "6", "30.00", "306.00", "0.0893"],
                     Columns(company, "gross_sales", "discounts", "return_transactions", "units_returned", "returns", "net_revenue", "return_rate"));
        Assert.Equal(["0.00", "null", "0.00", "null"], Columns(company, "returns_last_week", "returns_vs_last_week_pct", "returns_four_week_avg", "returns_vs_four_week_avg_pct"));
        Assert.Equal(["0", "null"], Columns(company, "return_rate_last_week", "return_rate_vs_last_week_pct"));
        Assert.Equal(["-9.47"], Columns(company, "net_revenue_vs_last_week_pct")); // (306 − 338) / 338
    }

    [Fact]
    public async Task ExportAsync_DayWithReturns_ProductRowsCarryReturnsAndAReturnedOnlySkuRanksLast()
    {
        await ExportAsync(HandData.TodayWithReturns);

        var rows = ExportedRows.Read(_store, QuickSightDatasets.ProductDaily, Day);
        // C1 164 − 20 = 144 (20 / 164 = 0.1220), T1 60 − 4 = 56 (4 / 60 = 0.0667), T2 52, C2 50, C3 10; X9 sold nothing: −6, ranks last.
        string[] columns = ["revenue_rank", "sku", "units", "units_returned", "returns", "net_revenue", "stores_selling", "revenue_share_pct", "return_rate"];
        Assert.Equal(
            [
                ["1", "\"C1\"", "17", "2", "20.00", "144.00", "2", "47.06", "0.1220"],
                ["2", "\"T1\"", "15", "1", "4.00", "56.00", "2", "18.30", "0.0667"],
                ["3", "\"T2\"", "7", "0", "0.00", "52.00", "2", "16.99", "0"],
                ["4", "\"C2\"", "10", "0", "0.00", "50.00", "2", "16.34", "0"],
                ["5", "\"C3\"", "4", "0", "0.00", "10.00", "1", "3.27", "0"],
                ["6", "\"X9\"", "0", "3", "6.00", "-6.00", "0", "-1.96", "0"],
            ],
            rows.Select(r => Columns(r, columns)));
    }

    [Fact]
    public async Task ExportAsync_HandData_ProductDailyAggregatesSkuLinesAcrossStores()
    {
        await ExportAsync();

        var rows = ExportedRows.Read(_store, QuickSightDatasets.ProductDaily, Day);
        // C1: s1 12 (120.00, discount 6) + s2 5 (50.00) → 164 net; T1: s1 5 + s2 10 → 60.00; T2: s1 2 + s3 5 (discount 4) → 52;
        // C2: s1 6 + s3 4 → 50.00; C3: s3 4 × 2.50 → 10.00. Shares of 336: 48.81, 17.86, 15.48, 14.88, 2.98.
        string[] columns = ["revenue_rank", "sku", "name", "category", "units", "gross_sales", "discounts", "net_revenue", "stores_selling", "revenue_share_pct"];
        Assert.Equal(
            [
                ["1", "\"C1\"", "\"C1 name\"", "\"Coffee\"", "17", "170.00", "6", "164.00", "2", "48.81"],
                ["2", "\"T1\"", "\"T1 name\"", "\"Tea\"", "15", "60.00", "0", "60.00", "2", "17.86"],
                ["3", "\"T2\"", "\"T2 name\"", "\"Tea\"", "7", "56.00", "4", "52.00", "2", "15.48"],
                ["4", "\"C2\"", "\"C2 name\"", "\"Coffee\"", "10", "50.00", "0", "50.00", "2", "14.88"],
                ["5", "\"C3\"", "\"C3 name\"", "\"Coffee\"", "4", "10.00", "0", "10.00", "1", "2.98"],
            ],
            rows.Select(r => Columns(r, columns)));
        Assert.All(rows, r => Assert.Equal("USD", r.Text("currency")));
    }

    [Fact]
    public async Task ExportAsync_SameSkuNamedDifferentlyByStores_TakesTheOrdinalSmallestName()
    {
        var day = HandData.Today.Select(s => s.StoreId == "s3"
            ? s with { Skus = [.. s.Skus.Select(k => k.Sku == "C2" ? k with { Name = "Alpha C2", Category = "Beans" } : k)] }
            : s).ToList();
        await ExportAsync(day);

        var c2 = ExportedRows.Read(_store, QuickSightDatasets.ProductDaily, Day).Single(r => r.Text("sku") == "C2");
        Assert.Equal(("Alpha C2", "Beans"), (c2.Text("name"), c2.Text("category")));
    }

    [Fact]
    public async Task ExportAsync_Anomalies_FlatRowPerAnomalyWithTopContributor()
    {
        await ExportAsync();

        var rows = ExportedRows.Read(_store, QuickSightDatasets.Anomalies, Day);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            """{"business_date":"2025-03-12","rank":1,"subject":"store","subject_id":"s2","metric":"net_revenue","severity":"high","value":90.00,"median":110.00,"expected_low":95.50,"expected_high":124.50,"z_score":-3.45,"percent_change":-18.18,"baseline_points":8,"contributor_count":2,"top_contributor_kind":"category","top_contributor_id":"Coffee","top_contributor_value":50.00,"top_contributor_median":70.00,"top_contributor_deviation":-20.00,"top_contributor_share_pct":100.00}""",
            ExportedRows.Lines(_store, QuickSightDatasets.Anomalies, Day)[0]);
        Assert.Equal(["2", "\"category\"", "\"Coffee\"", "\"transactions\"", "\"medium\"", "0", "null", "null", "null"],
                     Columns(rows[1], "rank", "subject", "subject_id", "metric", "severity", "contributor_count",
                             "top_contributor_kind", "top_contributor_id", "top_contributor_share_pct"));
    }

    [Fact]
    public async Task ExportAsync_Recommendations_FlatRowsWithCompactFacts()
    {
        await ExportAsync();

        var rows = ExportedRows.Read(_store, QuickSightDatasets.Recommendations, Day);
        Assert.Equal(
            [
                ["1", "\"high\"", "3", "\"investigate_store_drop\"", "\"s2\"", "\"s2 revenue fell\"", "\"Call the s2 manager.\"", "2",
                 "\"store:s2 NetRevenue=90.00; store:s2 Median=110.00\""],
                ["2", "\"medium\"", "2", "\"restock_usual_sellers\"", "\"s2\"", "\"C3 sold nothing at s2\"", "\"Check C3 stock.\"", "1",
                 "\"sku:C3 AverageUnits=8\""],
            ],
            rows.Select(r => Columns(r, "rank", "priority", "priority_level", "kind", "subject_id", "title", "action", "fact_count", "facts")));
    }

    [Fact]
    public async Task ExportAsync_EveryRow_StartsWithBusinessDateAndHasOnlyFlatValues()
    {
        await ExportAsync();

        foreach (var dataset in QuickSightDatasets.All)
        {
            var rows = ExportedRows.Read(_store, dataset, Day);
            Assert.NotEmpty(rows);
            Assert.All(rows, row =>
            {
                Assert.Equal("business_date", row.EnumerateObject().First().Name);
                Assert.Equal("2025-03-12", row.Text("business_date"));
                Assert.All(row.EnumerateObject(), p => Assert.DoesNotContain(p.Value.ValueKind, new[] { JsonValueKind.Object, JsonValueKind.Array }));
                Assert.All(row.EnumerateObject(), p => Assert.Matches("^[a-z][a-z0-9_]*$", p.Name));
            });
            Assert.Single(rows.Select(r => string.Join(',', r.EnumerateObject().Select(p => p.Name))).Distinct()); // same columns on every row
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExportAsync_EveryRow_HasExactlyTheDeclaredColumnsWithValuesOfTheirType(bool anomaliesFailed)
    {
        await ExportAsync(anomaliesFailed: anomaliesFailed);

        foreach (var dataset in QuickSightDatasets.All)
        {
            var columns = QuickSightDatasets.Columns(dataset);
            Assert.All(ExportedRows.Read(_store, dataset, Day), row =>
            {
                Assert.Equal(columns.Select(c => c.Name), row.EnumerateObject().Select(p => p.Name));
                Assert.All(columns, c => Assert.True(Fits(row.GetProperty(c.Name), c.Type), $"{dataset}.{c.Name} is {row.Raw(c.Name)}, not {c.Type}"));
            });
        }
    }

    private static bool Fits(JsonElement value, ExportColumnType type) => value.ValueKind == JsonValueKind.Null || type switch
    {
        ExportColumnType.Text => value.ValueKind == JsonValueKind.String,
        ExportColumnType.Date => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", out _),
        ExportColumnType.WholeNumber => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        ExportColumnType.FractionalNumber => value.ValueKind == JsonValueKind.Number,
        ExportColumnType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };

    [Fact]
    public async Task ExportAsync_HandData_ReturnsSmallSummaryPerDataset()
    {
        var export = await ExportAsync();

        Assert.Equal(Day, export.Date);
        Assert.Equal(QuickSightDatasets.All, export.Datasets.Select(d => d.Name));
        Assert.Equal([3, 1, 5, 2, 2, 14], export.Datasets.Select(d => d.Rows));
        Assert.All(export.Datasets, d =>
        {
            Assert.Equal($"exports/quicksight/{d.Name}/dt=2025-03-12/", d.PartitionPrefix);
            Assert.Equal(1, d.Parts);
            Assert.Equal(_store.Content(d.PartitionPrefix + "part-00000.ndjson").Length, d.Bytes);
            Assert.Equal($"exports/quicksight/manifests/{d.Name}.json", d.ManifestKey);
            Assert.Equal("application/x-ndjson", _store.ContentType(d.PartitionPrefix + "part-00000.ndjson"));
        });
    }

    private static string[] Columns(JsonElement row, params string[] columns) => [.. columns.Select(c => row.Raw(c))];
}
