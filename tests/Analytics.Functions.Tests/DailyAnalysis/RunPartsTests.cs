using System.Text.Json;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using NSubstitute;

namespace Analytics.Functions.Tests.DailyAnalysis;

/// <summary>Parts read by their declarations: a failed part's saved result is found, a missing part is bad input, and
/// the statuses are only given once every read has finished.</summary>
public sealed class RunPartsTests
{
    private const string Prefix = "analysis/runs/2025-01-15/exec-1/";
    private static readonly DateOnly Date = new(2025, 1, 15);
    private readonly InMemoryBucket _bucket = new();

    private RunParts Parts(params AnalysisPart[] parts) => new(new AnalysisArtifacts(_bucket.Store), "CombineInsights", parts);

    private static AnalysisPart Failed<T>(AnalysisResult<T> result) where T : class =>
        new(result.StateName, Prefix + result.FileName, Failed: true, Error: "States.Timeout");

    private void Write(ForecastReport report) =>
        _bucket.Objects[Prefix + ForecastSalesStep.Result.FileName] = JsonSerializer.SerializeToUtf8Bytes(report, ForecastSalesStep.Result.TypeInfo);

    private static readonly ForecastReport Forecast = new(Date, SalesForecaster.MethodName, null, [], [], 0, 0);

    [Fact]
    public async Task ReadAsync_FailedPartWhoseResultWasSaved_ReadsItAndReportsOnlyTheError()
    {
        Write(Forecast);
        var parts = Parts(Failed(ForecastSalesStep.Result));

        var forecast = await parts.ReadAsync(ForecastSalesStep.Result, CancellationToken.None);

        Assert.Equal(Forecast.Date, forecast!.Date);
        Assert.Equal((false, "States.Timeout"), (parts.Statuses.Single().Failed, parts.Statuses.Single().Error));
    }

    [Fact]
    public async Task ReadAsync_FailedPartWithoutItsResult_IsNullAndFailed()
    {
        var parts = Parts(Failed(ForecastSalesStep.Result));

        Assert.Null(await parts.ReadAsync(ForecastSalesStep.Result, CancellationToken.None));
        Assert.Equal([ForecastSalesStep.StateName], parts.Missing);
    }

    [Fact]
    public async Task Statuses_WhileAReadIsUnfinished_Throw()
    {
        var opened = new TaskCompletionSource<Stream>();
        _bucket.Store.OpenReadAsync(Prefix + ForecastSalesStep.Result.FileName, Arg.Any<CancellationToken>()).Returns(opened.Task);
        var parts = Parts(ForecastSalesStep.Result.Succeeded(Prefix + ForecastSalesStep.Result.FileName, ""));

        var read = parts.ReadAsync(ForecastSalesStep.Result, CancellationToken.None);

        Assert.Throws<InvalidOperationException>(() => parts.Statuses);
        opened.SetResult(new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(Forecast, ForecastSalesStep.Result.TypeInfo)));
        await read;
        Assert.Equal(AnalysisSection.Forecast, parts.Statuses.Single().Section);
    }

    [Fact]
    public async Task ReadAsync_PartThatNeitherFailedNorHasAKey_IsInvalidInput()
    {
        var parts = Parts(new AnalysisPart(ForecastSalesStep.StateName));

        var error = await Assert.ThrowsAsync<InvalidStepInputException>(() => parts.ReadAsync(ForecastSalesStep.Result, CancellationToken.None));

        Assert.Contains("has no key and is not marked failed", error.Message, StringComparison.Ordinal);
    }
}
