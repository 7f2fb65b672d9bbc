using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Serve;

namespace Analytics.Benchmarks;

/// <summary>
/// Load on <c>analytics serve</c>'s Step Functions API: <c>--calls</c> StartExecution calls from <c>--clients</c>
/// concurrent HTTP clients on a small machine (Pass, Task on the in-process CheckUploads step, Succeed), then waits until
/// every execution has ended and checks that ListExecutions shows each exactly once. Reports StartExecution calls per
/// second, executions ended per second, and the StartExecution latency percentiles. A benchmark, not a test.
/// </summary>
internal static class ServeLoadBenchmark
{
    private const string Definition = """
        {"StartAt":"Prepare","States":{
          "Prepare":{"Type":"Pass","Parameters":{"input":{"date":"2025-01-15"},"startedAt.$":"$$.Execution.StartTime","checkedAt.$":"$$.Execution.StartTime"},"Next":"Check"},
          "Check":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:CheckUploads","Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    /// <summary>The same calls against another Step Functions endpoint (a peer such as moto_server), on a Pass-only
    /// machine (a peer cannot call our steps); only the StartExecution figures are reported.</summary>
    private const string PassDefinition = """{"StartAt":"Prepare","States":{"Prepare":{"Type":"Pass","End":true}}}""";

    public static async Task<int> RunAsync(int calls, int clients, Uri? peer = null)
    {
        var root = Directory.CreateTempSubdirectory("analytics-serve-load-");
        try
        {
            await using var services = LocalEnvironment.CreateServices(Path.Combine(root.FullName, "data"));
            await using var serve = new ServeHost(new ServeOptions { DataDirectory = Path.Combine(root.FullName, "data"), Port = 0, LambdaPort = 0, DailyAt = null }, services);
            if (peer is null)
            {
                await serve.StartAsync(CancellationToken.None);
            }

            using var http = new HttpClient { BaseAddress = peer ?? serve.Address, Timeout = TimeSpan.FromMinutes(5) };
            var machine = (string)(await CallAsync(http, "CreateStateMachine", new JsonObject
            {
                ["name"] = $"load-{Guid.NewGuid():N}"[..20], ["definition"] = peer is null ? Definition : PassDefinition, ["roleArn"] = "arn:aws:iam::123456789012:role/load",
            }))["stateMachineArn"]!;

            Console.WriteLine($"StartExecution load on {(peer is null ? "analytics serve" : peer.ToString())}: {calls} calls from {clients} concurrent clients, {Environment.ProcessorCount} cores; load average {LoadAverage()}");
            var latencies = new double[calls];
            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < calls)
                {
                    var call = Stopwatch.StartNew();
                    await CallAsync(http, "StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = $"load-{i:D5}" });
                    latencies[i] = call.Elapsed.TotalMilliseconds;
                }
            })));
            var started = clock.Elapsed;
            Array.Sort(latencies);
            if (peer is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                    Started     {calls} in {started.TotalSeconds:F2} s = {calls / started.TotalSeconds:F0} StartExecution/s
                    Latency     StartExecution p50 {Percentile(latencies, 0.50):F1} ms, p90 {Percentile(latencies, 0.90):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms
                    """));
                return 0;
            }

            int ended;
            do
            {
                ended = await CountAsync(http, machine, "SUCCEEDED") + await CountAsync(http, machine, "FAILED");
            }
            while (ended < calls && clock.Elapsed < TimeSpan.FromMinutes(10));
            var finished = clock.Elapsed;
            var listed = await CountAsync(http, machine, null);
            var succeeded = await CountAsync(http, machine, "SUCCEEDED");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                Started     {calls} in {started.TotalSeconds:F2} s = {calls / started.TotalSeconds:F0} StartExecution/s
                Ended       {ended} in {finished.TotalSeconds:F2} s = {ended / finished.TotalSeconds:F0} executions/s ({succeeded} SUCCEEDED)
                Listed      {listed} distinct executions (expected {calls})
                Latency     StartExecution p50 {Percentile(latencies, 0.50):F1} ms, p90 {Percentile(latencies, 0.90):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms
                """));
            return listed == calls && succeeded == calls ? 0 : 1;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "n/a";

    /// <summary>How many executions of <paramref name="machine"/> ListExecutions gives (with that status), every page read.</summary>
    private static async Task<int> CountAsync(HttpClient http, string machine, string? status)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var request = new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 1000 };
            if (status is not null)
            {
                request["statusFilter"] = status;
            }

            if (token is not null)
            {
                request["nextToken"] = token;
            }

            var page = await CallAsync(http, "ListExecutions", request);
            foreach (var execution in page["executions"]!.AsArray())
            {
                names.Add((string)execution!["name"]!);
            }

            token = (string?)page["nextToken"];
        }
        while (token is not null);
        return names.Count;
    }

    private static async Task<JsonObject> CallAsync(HttpClient http, string operation, JsonObject request)
    {
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        using var message = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        message.Headers.Add("X-Amz-Target", "AWSStepFunctions." + operation);
        // Unsigned, but shaped as SigV4: a peer such as moto_server picks the service from the credential scope.
        message.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test/20250101/us-east-1/states/aws4_request, SignedHeaders=host, Signature=0");
        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? JsonNode.Parse(body)!.AsObject() : throw new InvalidOperationException($"{operation}: {(int)response.StatusCode} {body}");
    }
}
