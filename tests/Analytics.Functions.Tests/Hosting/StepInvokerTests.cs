using System.Text;
using System.Text.Json;
using Analytics.Domain;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;
using Analytics.Functions.Tests.UploadProcessing;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace Analytics.Functions.Tests.Hosting;

/// <summary>The Stream adaptation, tested once, through the invoker the Lambda runtime loop and the local runner call.</summary>
public sealed class StepInvokerTests
{
    private const string EventBridgeEvent = """
        {"version":"0","id":"17793124-05d4-b198-2fde-7ededc63b103","detail-type":"Object Created","source":"aws.s3",
         "account":"111122223333","time":"2025-01-16T00:00:00Z","region":"us-east-1","resources":["arn:aws:s3:::data-bucket"],
         "detail":{"version":"0","bucket":{"name":"data-bucket"},"object":{"key":"uploads/day.json","size":512,"etag":"b1946ac92492d2347c6235b4d2611184","sequencer":"00617F08299329D189"},
                   "request-id":"N4N7GDK58NMKJ12R","requester":"123456789012","source-ip-address":"1.2.3.4","reason":"PutObject"},
         "logging":{"note":"added by the LogInput Pass state"}}
        """;

    private readonly IObjectStore _objects = Substitute.For<IObjectStore>();
    private readonly ISalesStore _sales = Substitute.For<ISalesStore>();
    private int _scopes;

    public StepInvokerTests()
    {
        _objects.BucketName.Returns("data-bucket");
        var present = new HashSet<string>(StringComparer.Ordinal) { "uploads/day.json" };
        UploadFiles.ListPresent(_objects, present);
        UploadFiles.KeepWrites(_objects, present, []);
    }

    private StepInvoker CreateFunction()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)))
            .AddAnalyticsDomain()
            .AddAnalyticsSteps()
            .AddScoped(_ => { Interlocked.Increment(ref _scopes); return _objects; })
            .AddSingleton(_sales);
        return new StepInvoker(services.BuildServiceProvider(validateScopes: true), StepDescriptor.ForStep(typeof(ProcessUploadStep)));
    }

    private static async Task<Stream> InvokeAsync(StepInvoker function, string json)
    {
        var output = new MemoryStream();
        await function.InvokeAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), output, CancellationToken.None);
        output.Position = 0;
        return output;
    }

    [Fact]
    public async Task HandleAsync_EventBridgeEvent_WritesTheStepResponseAsCamelCaseJson()
    {
        _objects.OpenReadAsync("uploads/day.json", Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay("store-0001", "2025-01-15")));

        using var output = JsonDocument.Parse(await InvokeAsync(CreateFunction(), EventBridgeEvent));

        var root = output.RootElement;
        Assert.Equal("accepted", root.GetProperty("status").GetString());
        Assert.Equal("uploads/day.json", root.GetProperty("objectKey").GetString());
        Assert.Equal(1, root.GetProperty("storeDays").GetInt32());
        Assert.Equal(40.00m, root.GetProperty("netRevenue").GetDecimal()); // 2 transactions × (2 × 10.50 − 1.00)
        await _sales.ReceivedWithAnyArgs(1).StageAsync(default!, default!, default);
        await _sales.ReceivedWithAnyArgs(1).CommitAsync(default!, default!, default);
    }

    [Fact]
    public async Task HandleAsync_StepThrowsDomainError_ExceptionEscapesUnwrappedSoItsNameIsTheErrorName()
    {
        _objects.OpenReadAsync("uploads/day.json", Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream("{\"schema_version\":2}"));

        var error = await Assert.ThrowsAsync<InvalidUploadException>(() => InvokeAsync(CreateFunction(), EventBridgeEvent));

        Assert.Equal("InvalidUploadException", error.GetType().Name);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("""{"detail":{"bucket":{"name":"data-bucket"}}}""")]
    [InlineData("""{"detail":{"bucket":{"name":"data-bucket"},"object":{"key":42}}}""")]
    public async Task HandleAsync_InputNotTheStepsRequest_ThrowsInvalidStepInput(string json)
    {
        var error = await Assert.ThrowsAsync<InvalidStepInputException>(() => InvokeAsync(CreateFunction(), json));

        Assert.Contains("ProcessUpload", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<AnalyticsException>(error);
    }

    [Fact]
    public async Task HandleAsync_TwoInvocations_EachRunsInItsOwnScope()
    {
        _objects.OpenReadAsync("uploads/day.json", Arg.Any<CancellationToken>()).Returns(_ => UploadFiles.Stream(UploadFiles.StoreDay("store-0001", "2025-01-15")));
        var function = CreateFunction();

        await InvokeAsync(function, EventBridgeEvent);
        await InvokeAsync(function, EventBridgeEvent);

        Assert.Equal(2, _scopes);
    }
}
