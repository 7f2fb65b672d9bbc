using System.Text.Json;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Options;
using NSubstitute;

namespace Analytics.Functions.Tests.DailyAnalysis;

public sealed class CombineInsightsStepTests
{
    private static readonly DateOnly Date = new(2025, 1, 15);
    private static readonly AnalysisRun Run = new(Date, "exec-1", new DateTimeOffset(2025, 1, 16, 11, 0, 0, TimeSpan.Zero),
                                                  "analysis/runs/2025-01-15/exec-1/", 1, "USD", "analysis/runs/2025-01-15/exec-1/day.jsonl.gz");
    private readonly ISalesStore _sales = Substitute.For<ISalesStore>();
    private readonly InMemoryBucket _bucket = new();

    public CombineInsightsStepTests()
    {
        var day = new[] { DailyData.StoreDay("store-1", Date, 100m) };
        var history = new SalesHistoryBuilder(Date).Build();
        Write(CalcCompanyMetricsStep.Result, new CompanyMetricsCalculator().Calculate(Date, day, history));
        Write(CalcProductMetricsStep.Result, new ProductMetricsCalculator().Calculate(Date, day, history));
        Write(DetectAnomaliesStep.Result, new AnomalyDetector().Detect(Date, day, history));
        Write(ForecastSalesStep.Result, new SalesForecaster(Options.Create(new AnalysisOptions())).Forecast(Date, day, history));
        Write(GenerateRecommendationsStep.Result, new RecommendationSet(Date, [], [AnalyzeTrendsStep.StateName]));
        _sales.GetChainHistoryAsync(Date.AddDays(-55), Date, Arg.Any<CancellationToken>()).Returns(
        [
            new ChainDaySummary { BusinessDate = Date.AddDays(-1), StoresTrading = 1, Totals = new SalesTotals(3, 3, 3, 90m, 0m), Hours = [], Categories = [], PaymentMethods = [] },
        ]);
    }

    private void Write<T>(AnalysisResult<T> result, T value) where T : class =>
        _bucket.Objects[Run.KeyOf(result.FileName)] = JsonSerializer.SerializeToUtf8Bytes(value, result.TypeInfo);

    private void WriteTrends() =>
        Write(AnalyzeTrendsStep.Result, new TrendAnalyzer().Analyze(Date, [DailyData.StoreDay("store-1", Date, 100m)], new SalesHistoryBuilder(Date).Build()));

    private CombineInsightsStep Step() => new(new RunData(new AnalysisArtifacts(_bucket.Store), new SalesHistoryLoader(_sales)), _sales);

    private static AnalysisPart Part<T>(AnalysisResult<T> result) where T : class => result.Succeeded(Run.KeyOf(result.FileName), "");

    private static PartsInput Input(AnalysisPart trends, AnalysisPart? company = null) => new(Run,
        [
            company ?? Part(CalcCompanyMetricsStep.Result), Part(CalcProductMetricsStep.Result), Part(DetectAnomaliesStep.Result), trends,
            Part(ForecastSalesStep.Result), Part(GenerateRecommendationsStep.Result),
        ]);

    /// <summary>A part as the state machine's <c>…Failed</c> Pass state writes it: failed, with where the step saves its result.</summary>
    private static AnalysisPart Failed<T>(AnalysisResult<T> result, string error, string cause) where T : class =>
        new(result.StateName, Run.KeyOf(result.FileName), Failed: true, Error: error, Cause: cause);

    [Fact]
    public async Task HandleAsync_BranchFailed_RecordsWhichAndWhyAndKeepsTheRest()
    {
        var failed = Failed(AnalyzeTrendsStep.Result, "ModelTimeoutException", "The model did not answer in 60 s.");

        var combined = await Step().HandleAsync(Input(failed), CancellationToken.None);

        Assert.True(combined.HasErrors);
        Assert.Contains($"{AnalyzeTrendsStep.StateName}: ModelTimeoutException: The model did not answer in 60 s.", combined.ErrorSummary, StringComparison.Ordinal);
        Assert.Equal(Run.KeyOf(CombineInsightsStep.Result.FileName), combined.Key);
        var insights = JsonSerializer.Deserialize(_bucket.Objects[combined.Key], AnalysisJsonContext.Default.DailyInsights)!;
        Assert.Null(insights.Trends);
        Assert.NotNull(insights.Anomalies);
        Assert.Equal(100m, insights.Company.NetRevenue);
        Assert.Equal([false, false, false, true, false, false], insights.Parts.Select(p => p.Failed));
        Assert.Equal(CombineInsightsStep.StatisticsOnlyNote, insights.ModelNote);
    }

    [Fact]
    public async Task HandleAsync_AnomaliesWithIncidents_CountsTheMaterialOnesAsFindings()
    {
        WriteTrends();
        Anomaly Drop(string store, AnomalySeverity severity) =>
            new(AnomalySubject.Store, store, AnomalyMetric.NetRevenue, severity, 10m, 100m, 80m, 120m, -5.0, -90m, 8, []);
        Anomaly[] anomalies = [Drop("store-1", AnomalySeverity.High), Drop("store-2", AnomalySeverity.High), Drop("store-3", AnomalySeverity.Medium)];
        Write(DetectAnomaliesStep.Result, new AnomalyReport(Date, [Date.AddDays(-7)], 8, false, "", 3, 0, 0, 0, anomalies, Incidents:
        [
            new Incident(IncidentCause.Store, "store-1", AnomalySeverity.High, 90m, true, [anomalies[0]]),
            new Incident(IncidentCause.Store, "store-3", AnomalySeverity.Medium, 90m, true, [anomalies[2]]),
            new Incident(IncidentCause.Store, "store-2", AnomalySeverity.Low, 90m, false, [anomalies[1]]),
        ]));

        var combined = await Step().HandleAsync(Input(Part(AnalyzeTrendsStep.Result)), CancellationToken.None);

        Assert.Equal((3, 2, 2, 1), (combined.Anomalies, combined.HighSeverity, combined.Findings, combined.HighFindings));
    }

    [Fact]
    public async Task HandleAsync_AnomaliesFailed_NoFindingsCounted()
    {
        WriteTrends();
        _bucket.Objects.Remove(Run.KeyOf(DetectAnomaliesStep.Result.FileName));
        var input = Input(Part(AnalyzeTrendsStep.Result));
        input = input with { Parts = [.. input.Parts.Select(p => p.Step == DetectAnomaliesStep.StateName ? Failed(DetectAnomaliesStep.Result, "States.Timeout", "") : p)] };

        var combined = await Step().HandleAsync(input, CancellationToken.None);

        Assert.Equal((0, 0, null, null), (combined.Anomalies, combined.HighSeverity, combined.Findings, combined.HighFindings));
    }

    [Fact]
    public async Task HandleAsync_BranchFailedAfterSavingItsStatistics_KeepsThemAndRecordsTheModelError()
    {
        // The step saved its statistical result before asking the model, then the model's retries ran out.
        WriteTrends();
        var failed = Failed(AnalyzeTrendsStep.Result, "ThrottlingException", "Rate exceeded.");

        var combined = await Step().HandleAsync(Input(failed), CancellationToken.None);

        Assert.True(combined.HasErrors);
        Assert.Contains($"- {AnalyzeTrendsStep.StateName} (model only; statistical findings kept): ThrottlingException: Rate exceeded.", combined.ErrorSummary, StringComparison.Ordinal);
        var insights = JsonSerializer.Deserialize(_bucket.Objects[combined.Key], AnalysisJsonContext.Default.DailyInsights)!;
        Assert.NotNull(insights.Trends);
        Assert.All(insights.Parts, p => Assert.False(p.Failed));
        Assert.Contains($"The model failed for {AnalyzeTrendsStep.StateName}, which kept their statistical findings.", insights.ModelNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AllSucceeded_NoErrorsAndA56DaySeriesWithZerosForDaysWithoutSales()
    {
        WriteTrends();

        var combined = await Step().HandleAsync(Input(Part(AnalyzeTrendsStep.Result)), CancellationToken.None);

        Assert.False(combined.HasErrors);
        var insights = JsonSerializer.Deserialize(_bucket.Objects[combined.Key], AnalysisJsonContext.Default.DailyInsights)!;
        Assert.Equal(DailyInsights.RevenueSeriesDays, insights.RevenueSeries.Count);
        Assert.Equal((Date.AddDays(-55), Date), (insights.RevenueSeries[0].Date, insights.RevenueSeries[^1].Date));
        Assert.Equal(90m, insights.RevenueSeries[^2].NetRevenue);
        Assert.Equal(0m, insights.RevenueSeries[^3].NetRevenue);
    }

    [Fact]
    public async Task HandleAsync_ChainKeptByTheRun_TheSeriesComesFromItNotFromTheSalesStore()
    {
        WriteTrends();
        var run = Run with { ChainKey = Run.KeyOf(GetStoreSummariesStep.ChainName) };
        ChainDaySummary Day(int back, decimal net) => new()
        {
            BusinessDate = Date.AddDays(-back), StoresTrading = 1, Totals = new SalesTotals(1, 1, 1, net, 0m), Hours = [], Categories = [], PaymentMethods = [],
        };
        _bucket.Objects[run.ChainKey!] = JsonSerializer.SerializeToUtf8Bytes(
            new ChainHistory(Date.AddDays(-56), Date, [Day(56, 1m), Day(55, 55m), Day(2, 2m), Day(0, 100m)]), AnalysisJsonContext.Default.ChainHistory);

        var combined = await Step().HandleAsync(Input(Part(AnalyzeTrendsStep.Result)) with { Run = run }, CancellationToken.None);

        var insights = JsonSerializer.Deserialize(_bucket.Objects[combined.Key], AnalysisJsonContext.Default.DailyInsights)!;
        Assert.Equal((55m, 2m, 100m, 0m), (insights.RevenueSeries[0].NetRevenue, insights.RevenueSeries[^3].NetRevenue,
                                           insights.RevenueSeries[^1].NetRevenue, insights.RevenueSeries[^2].NetRevenue));
        await _sales.DidNotReceiveWithAnyArgs().GetChainHistoryAsync(default, default, default);
    }

    [Fact]
    public async Task HandleAsync_CompanyMetricsMarkedFailed_IsInvalidInput()
    {
        var input = Input(Part(AnalyzeTrendsStep.Result), company: new AnalysisPart(CalcCompanyMetricsStep.StateName, Failed: true));

        await Assert.ThrowsAsync<InvalidStepInputException>(() =>
            Step().HandleAsync(input, CancellationToken.None));
    }

    [Fact]
    public async Task HandleAsync_InputWithoutAPartItReads_IsInvalidInputNamingIt()
    {
        var input = Input(Part(AnalyzeTrendsStep.Result));
        input = input with { Parts = [.. input.Parts.Where(p => p.Step != AnalyzeTrendsStep.StateName)] };

        var error = await Assert.ThrowsAsync<InvalidStepInputException>(() => Step().HandleAsync(input, CancellationToken.None));

        Assert.Contains($"its input carries no part of {AnalyzeTrendsStep.StateName}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelNote_ModelUsedForTwoPartsAndFailedForOne_SaysWhich()
    {
        PartStatus[] parts =
        [
            new(AnalysisSection.Company, CalcCompanyMetricsStep.StateName, false, PartStatus.Statistics), new(AnalysisSection.Anomalies, DetectAnomaliesStep.StateName, false, PartStatus.Model),
            new(AnalysisSection.Trends, AnalyzeTrendsStep.StateName, false, PartStatus.Statistics, "InvalidModelAnswerException", "summary states 9,999"),
            new(AnalysisSection.Recommendations, GenerateRecommendationsStep.StateName, false, PartStatus.Model),
        ];

        var note = CombineInsightsStep.ModelNote(parts);

        Assert.Equal($"An AI model ranked and explained the statistical findings of {DetectAnomaliesStep.StateName}, {GenerateRecommendationsStep.StateName}; " +
                     $"every figure it states was checked against the statistics. The model failed for {AnalyzeTrendsStep.StateName}, which kept " +
                     "their statistical findings.", note);
        Assert.Equal(CombineInsightsStep.StatisticsOnlyNote, CombineInsightsStep.ModelNote([new(AnalysisSection.Anomalies, DetectAnomaliesStep.StateName, false, PartStatus.Statistics)]));
    }

    [Fact]
    public async Task HandleAsync_ModelFailedButStatisticsKept_HasErrorsAndKeepsThePart()
    {
        WriteTrends();
        var trends = Part(AnalyzeTrendsStep.Result) with { Error = "InvalidModelAnswerException", Cause = "summary states 9,999" };

        var combined = await Step().HandleAsync(Input(trends), CancellationToken.None);

        Assert.True(combined.HasErrors);
        Assert.Contains($"- {AnalyzeTrendsStep.StateName} (model only; statistical findings kept): InvalidModelAnswerException: summary states 9,999", combined.ErrorSummary, StringComparison.Ordinal);
        var insights = JsonSerializer.Deserialize(_bucket.Objects[combined.Key], AnalysisJsonContext.Default.DailyInsights)!;
        Assert.NotNull(insights.Trends);
    }
}
