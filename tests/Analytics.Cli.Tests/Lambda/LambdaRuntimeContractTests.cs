using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.Json.Nodes;
using Amazon.S3.Model;
using Analytics.Adapters.Tests.Fixtures;
using Analytics.Cli.Deployment;
using Analytics.Cli.Tests.Deployment;
using Analytics.Cli.Generation;
using Analytics.Functions.Aws;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Analytics.Functions.Hosting.Runtime;
using Analytics.Testing;
using Xunit.Abstractions;

namespace Analytics.Cli.Tests.Lambda;

/// <summary>
/// The Lambda package, built as <c>sam build</c> builds it, started as the managed <c>dotnet10</c> runtime starts it,
/// against a Runtime API that follows the documented protocol, with DynamoDB and S3 on a moto_server. Every process
/// runs with an empty time zone folder (<c>TZDIR</c>), as on an image without tzdata, in the chain zone America/New_York.
/// </summary>
public sealed class LambdaRuntimeContractTests(LambdaPackage package, MotoServerFixture moto, ITestOutputHelper output)
    : IClassFixture<LambdaPackage>, IClassFixture<MotoServerFixture>, IAsyncLifetime
{
    private const string Table = "sales";
    private const string Bucket = "local"; // the bucket of events/ProcessUpload.json
    private static readonly DateOnly SampleDate = new(2025, 1, 15);
    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _emptyZoneFolder = Directory.CreateTempSubdirectory("analytics-no-tzdata-");
    private FakeRuntimeApi _api = null!;

    /// <summary>The steps in the order the workflows run them, read from the state machines; each one's sample event
    /// reads what the earlier ones wrote.</summary>
    private static readonly IReadOnlyList<string> s_workflowOrder = StateMachineTasks.Steps(StateMachineTasks.Machines);

    public async Task InitializeAsync()
    {
        Assert.True(package.ExitCode == 0, package.Output);
        _api = await FakeRuntimeApi.StartAsync();
        await SeedAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        _emptyZoneFolder.Delete(recursive: true);
    }

    [Fact]
    public void Package_AsSamBuildsIt_IsReadyToRunFrameworkDependentAndCarriesNoLambdaLibrary()
    {
        var root = package.TaskRoot.FullName;
        using (var assembly = new PEReader(File.OpenRead(Path.Combine(root, SamTemplate.Handler + ".dll"))))
        {
            Assert.True(assembly.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "Analytics.Functions.dll is not ReadyToRun");
        }

        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(root, SamTemplate.Handler + ".runtimeconfig.json")))!["runtimeOptions"]!;
        Assert.Equal("Microsoft.NETCore.App", (string?)runtimeConfig["framework"]?["name"] ?? (string?)runtimeConfig["frameworks"]?[0]?["name"]);
        var files = package.TaskRoot.GetFiles("*", SearchOption.AllDirectories);
        Assert.DoesNotContain(files, f => f.Name.StartsWith("Amazon.Lambda.", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Name == "System.Private.CoreLib.dll"); // not self-contained

        using var zip = new MemoryStream();
        ZipFile.CreateFromDirectory(root, zip, CompressionLevel.Optimal, includeBaseDirectory: false);
        output.WriteLine($"Package: {files.Length} files, {files.Sum(f => f.Length) / 1e6:F1} MB; zipped {zip.Length / 1e6:F1} MB.");
    }

    [Fact]
    public async Task SampleEvents_EveryStepInWorkflowOrder_AnswersWithItsResponse()
    {
        Assert.Equal(Functions().Order(StringComparer.Ordinal), s_workflowOrder.Order(StringComparer.Ordinal));
        List<(string Step, TimeSpan Init, TimeSpan Invocation)> timings = [];
        foreach (var step in s_workflowOrder)
        {
            await using var api = await FakeRuntimeApi.StartAsync();
            await using var function = LambdaProcess.Start(package, api, step, Environment(step));
            var answer = await api.InvokeAsync(SampleEvent(step), TimeSpan.FromSeconds(300)).WaitAsync(Generous);

            Assert.False(answer.IsError, $"{step}: {answer.Body}\n{function.Output}");
            Assert.NotNull(JsonNode.Parse(answer.Body));
            Assert.Empty(api.Violations);
            timings.Add((step, Stopwatch.GetElapsedTime(function.Started, await api.FirstNext), answer.Elapsed));
        }

        foreach (var (step, init, invocation) in timings)
        {
            output.WriteLine($"{step,-24} init {init.TotalMilliseconds,6:F0} ms (process start to first next)   sample event {invocation.TotalMilliseconds,6:F0} ms");
        }

        var inits = timings.Select(t => t.Init.TotalMilliseconds).Order().ToList();
        output.WriteLine($"Init: median {inits[inits.Count / 2]:F0} ms, max {inits[^1]:F0} ms over {inits.Count} functions.");
    }

    [Fact]
    public async Task StepThrows_ErrorDocumentNamesTheExceptionTheStateMachineMatches()
    {
        await moto.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "uploads/bad.json", ContentBody = """{"schema_version":1,"store_id":"store-1"}""" });
        var upload = JsonNode.Parse(SampleEvent("ProcessUpload"))!;
        upload["detail"]!["object"]!["key"] = "uploads/bad.json";
        var date = JsonNode.Parse(SampleEvent(GetStoreSummariesStep.StateName))!;
        date["input"]!["date"] = "2099-01-01";

        foreach (var (step, input, expected, machine) in new[]
                 {
                     ("ProcessUpload", upload, "InvalidUploadException", "upload-processor"),
                     (GetStoreSummariesStep.StateName, date, "InvalidAnalysisDateException", "daily-analysis"),
                     (CalcCompanyMetricsStep.StateName, JsonNode.Parse("{}")!, "InvalidStepInputException", "daily-analysis"),
                 })
        {
            await using var api = await FakeRuntimeApi.StartAsync();
            await using var function = LambdaProcess.Start(package, api, step, Environment(step));
            var answer = await api.InvokeAsync(Encoding.UTF8.GetBytes(input.ToJsonString()), TimeSpan.FromSeconds(300)).WaitAsync(Generous);

            Assert.True(answer.IsError, answer.Body);
            Assert.Empty(api.Violations);
            var error = JsonNode.Parse(answer.Body)!;
            Assert.Equal(expected, (string?)error["errorType"]);
            Assert.Equal(expected, answer.ErrorTypeHeader);
            Assert.False(string.IsNullOrWhiteSpace((string?)error["errorMessage"]));
            Assert.NotEmpty(error["stackTrace"]!.AsArray());
            Assert.Contains($"\"{expected}\"", File.ReadAllText(Path.Combine(SharedFolder.Repository, "state-machines", machine + ".asl.json")), StringComparison.Ordinal);

            // The environment goes on: the next invocation is asked for.
            await WaitUntilAsync(() => api.NextRequests >= 2, $"{step} did not ask for the next event after an error");
        }
    }

    [Fact]
    public async Task Deadline_StorageHangs_StepIsCancelledAndReportedAsStepTimeoutWithTheTraceHeaderPropagated()
    {
        using var hanging = new BlackHoleEndpoint();
        var environment = Environment("ProcessUpload");
        environment[$"{StorageOptions.SectionName}__{nameof(StorageOptions.ServiceUrl)}"] = hanging.Url.ToString();
        await using var function = LambdaProcess.Start(package, _api, "ProcessUpload", environment);
        const string trace = "Root=1-67891233-abcdef012345678912345678;Parent=53995c3f42cd8ad8;Sampled=1";
        await _api.FirstNext.WaitAsync(Generous); // the deadline counts from when the event is queued: let init finish first

        var answer = await _api.InvokeAsync(SampleEvent("ProcessUpload"), TimeSpan.FromSeconds(4), trace).WaitAsync(Generous);

        Assert.True(answer.IsError, answer.Body);
        Assert.Equal(nameof(StepTimeoutException), (string?)JsonNode.Parse(answer.Body)!["errorType"]);
        Assert.Contains("cancelled", (string?)JsonNode.Parse(answer.Body)!["errorMessage"], StringComparison.Ordinal);
        Assert.Contains(hanging.RequestHeads, head => head.Contains($"X-Amzn-Trace-Id: {trace}", StringComparison.OrdinalIgnoreCase));
        await WaitUntilAsync(() => _api.NextRequests >= 2, "the function did not ask for the next event after a timeout");
        Assert.False(function.HasExited, function.Output);
        Assert.Empty(_api.Violations);
    }

    [Theory]
    [InlineData(LambdaHost.StepVariable, "ANALYTICS_STEP is not set")]
    [InlineData("Storage__BucketName", "Storage__BucketName is not set")]
    [InlineData("Analysis__TimeZone=Mars/Olympus_Mons", "Analysis__TimeZone is 'Mars/Olympus_Mons'")]
    [InlineData("Analysis__ClosedDates__0=2025-12-25,Boxing Day", "Analysis__ClosedDates__0 has 'Boxing Day', which is not an ISO date")]
    [InlineData("Analysis__UploadCutoff=9am", "Analysis__UploadCutoff is '9am', which is not a time of day HH:mm")]
    public async Task Init_ConfigurationMissingOrWrong_ReportsAnInitErrorSayingWhatAndExits(string change, string message)
    {
        var environment = Environment(GetStoreSummariesStep.StateName);
        if (change.Split('=') is [var name, var value])
        {
            environment[name] = value;
        }
        else
        {
            environment.Remove(change);
        }

        await using var function = LambdaProcess.Start(package, _api, GetStoreSummariesStep.StateName, environment);
        var error = await _api.InitError.WaitAsync(Generous);

        Assert.Equal(RuntimeErrorContentType, error.ContentType);
        Assert.Equal(nameof(LambdaConfigurationException), (string?)JsonNode.Parse(error.Body)!["errorType"]);
        Assert.Contains(message, (string?)JsonNode.Parse(error.Body)!["errorMessage"], StringComparison.Ordinal);
        Assert.True(await function.WaitForExitAsync(Generous), "the runtime did not exit after its init error");
        Assert.NotEqual(0, function.ExitCode);
        Assert.Equal(0, _api.NextRequests);
    }

    [Fact]
    public async Task HundredInvocations_OneProcess_EachAnsweredMemoryFlatAndOverheadReported()
    {
        // Lambda caps a function's memory (.NET then caps its heap at 75% of it); a tight cap here turns a leak of a
        // fraction of a megabyte per invocation into an OutOfMemoryException within the hundred invocations.
        var environment = Environment("ProcessUpload");
        environment["DOTNET_GCHeapHardLimit"] = "0x8000000"; // 128 MB
        await using var function = LambdaProcess.Start(package, _api, "ProcessUpload", environment);
        var upload = SampleEvent("ProcessUpload");
        var notAnEvent = Encoding.UTF8.GetBytes("""{"detail":{}}""");
        List<double> uploads = [], rejections = [];
        List<long> resident = [];
        for (var i = 1; i <= 100; i++)
        {
            var invalid = i % 2 == 0;
            var answer = await _api.InvokeAsync(invalid ? notAnEvent : upload, TimeSpan.FromSeconds(300)).WaitAsync(Generous);
            Assert.True(answer.IsError == invalid, answer.Body);
            (invalid ? rejections : uploads).Add(answer.Elapsed.TotalMilliseconds);
            if (i % 20 == 0)
            {
                resident.Add(function.ResidentBytes());
            }
        }

        output.WriteLine($"Resident set after 20, 40, 60, 80, 100 invocations: {string.Join(", ", resident.Select(r => $"{r / 1e6:F1}"))} MB.");
        output.WriteLine($"Per invocation, event handed out to answer received (median of 50): an input the step refuses " +
                         $"(the runtime's own overhead: scope, JSON, error document) {Median(rejections):F1} ms; " +
                         $"ProcessUpload of the 20-store sample day on moto_server {Median(uploads):F1} ms.");
        // Flat, as Lambda would see it: under the heap cap every invocation was answered (a leak would have ended in an
        // OutOfMemoryException, an error answer, failing the assertion above), and the process stays far below the
        // memory its function is given. The resident set itself wanders with the GC and native buffers (103-134 MB
        // seen), so it is reported, not compared invocation to invocation.
        Assert.True(resident.Max() < 256_000_000, $"the resident set reached {resident.Max() / 1e6:F1} MB");
        await WaitUntilAsync(() => _api.NextRequests == 101, "the function did not ask for the event after the hundredth");
        Assert.Empty(_api.Violations);
        Assert.False(function.HasExited);
    }

    private const string RuntimeErrorContentType = "application/vnd.aws.lambda.error+json";

    private Dictionary<string, string> Environment(string step)
    {
        var environment = LambdaPackage.TemplateEnvironment(step, new Dictionary<string, string>
        {
            ["SalesTable"] = Table,
            ["DataBucket"] = Bucket,
            ["ChainTimeZone"] = "America/New_York",
            ["ClosedDates"] = "2024-12-25,2025-12-25",
            ["UploadCutoff"] = "10:00",
            ["ModelId"] = "",
        });
        environment[$"{StorageOptions.SectionName}__{nameof(StorageOptions.ServiceUrl)}"] = moto.ServiceUrl.ToString();
        environment[$"{StorageOptions.SectionName}__{nameof(StorageOptions.AuthenticationRegion)}"] = "us-east-1";
        environment["TZDIR"] = _emptyZoneFolder.FullName;
        return environment;
    }

    private static IEnumerable<string> Functions() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, "serverless.template")))!["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == "AWS::Serverless::Function").Select(r => r.Key);

    private static byte[] SampleEvent(string step) => File.ReadAllBytes(Path.Combine(SharedFolder.Repository, "events", step + ".json"));

    /// <summary>The table and bucket, and the sample upload: 20 stores' day of 2025-01-15 at the key events/ProcessUpload.json names.</summary>
    private async Task SeedAsync()
    {
        var tables = await moto.DynamoDb.ListTablesAsync();
        if (!tables.TableNames.Contains(Table))
        {
            await moto.DynamoDb.CreateTableAsync(DynamoDbSalesStore.TableDefinition(Table));
            await moto.S3.PutBucketAsync(Bucket);
        }

        var key = (string)JsonNode.Parse(SampleEvent("ProcessUpload"))!["detail"]!["object"]!["key"]!;
        var generator = new SalesDataGenerator(new GeneratorOptions { Stores = 20, Days = 1, LastDate = SampleDate, Products = 200, Seed = 11 });
        using var day = new MemoryStream();
        generator.WriteDay(day, SampleDate);
        day.Position = 0;
        await moto.S3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = day });
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Generous, what);
            await Task.Delay(20);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
