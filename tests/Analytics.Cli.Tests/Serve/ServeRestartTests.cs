using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Serve;

/// <summary>
/// Restart safety of <c>analytics serve</c>, as a process: killed mid-run, then started again, every execution is
/// finished or failed with the reason, and files dropped while it was down are processed once; stopped with Ctrl-C
/// (SIGINT), it records what was running as failed and exits 0.
/// </summary>
public sealed class ServeRestartTests : IDisposable
{
    private const string LongWait = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":3600,"End":true}}}""";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-serve-restart-");
    private readonly int _port = FreePort();
    private readonly int _lambdaPort = FreePort();

    public void Dispose() => _root.Delete(recursive: true);

    private string DataDirectory => Path.Combine(_root.FullName, "data");

    private string Endpoint => $"http://127.0.0.1:{_port}";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>analytics serve</c> (the built command, run by dotnet) and waits until it is ready.</summary>
    private async Task<Process> StartServeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[Path.Combine(AppContext.BaseDirectory, "analytics.dll"), "serve", "--data-dir", DataDirectory,
                                        "--port", $"{_port}", "--lambda-port", $"{_lambdaPort}", "--daily-at", "off"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("Ctrl-C stops.", StringComparison.Ordinal))
            {
                _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
                return process;
            }
        }

        throw new InvalidOperationException($"analytics serve exited with {process.ExitCode} before it was ready.");
    }

    private async Task<JsonObject> AwsAsync(params string[] args)
    {
        var (exitCode, output, errors) = await AwsCli.RunAsync(["stepfunctions", .. args, "--endpoint-url", Endpoint]);
        Assert.True(exitCode == 0, $"aws stepfunctions {string.Join(' ', args)}: {errors}");
        return JsonNode.Parse(output)!.AsObject();
    }

    private void Drop(string store)
    {
        var folder = Path.Combine(DataDirectory, "bucket", "uploads", store);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "day.json"), SampleUploads.OneLineDay(store));
    }

    private async Task<JsonArray> UploadExecutionsAsync() =>
        (await AwsAsync("list-executions", "--state-machine-arn", "arn:aws:states:us-east-1:123456789012:stateMachine:upload-processor"))["executions"]!.AsArray();

    [AwsCliFact]
    public async Task KilledMidRun_RestartFailsWhatWasRunningWithTheReason_AndProcessesFilesDroppedMeanwhileOnce()
    {
        var first = await StartServeAsync();
        string machine, running;
        try
        {
            machine = (string)(await AwsAsync("create-state-machine", "--name", "long", "--definition", LongWait, "--role-arn", "arn:aws:iam::123456789012:role/r"))["stateMachineArn"]!;
            running = (string)(await AwsAsync("start-execution", "--state-machine-arn", machine, "--name", "cut-off"))["executionArn"]!;
            Assert.Equal("RUNNING", (string?)(await AwsAsync("describe-execution", "--execution-arn", running))["status"]);
        }
        finally
        {
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        Drop("store-0001");
        Drop("store-0002");
        var second = await StartServeAsync();
        try
        {
            var recovered = await AwsAsync("describe-execution", "--execution-arn", running);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            while ((await UploadExecutionsAsync()).Count(e => (string?)e!["status"] == "SUCCEEDED") < 2)
            {
                await Task.Delay(200, timeout.Token);
            }

            var machines = await AwsAsync("list-state-machines");

            Assert.Equal("FAILED", (string?)recovered["status"]);
            Assert.Equal("ServiceStopped", (string?)recovered["error"]);
            Assert.False(string.IsNullOrEmpty((string?)recovered["cause"]));
            Assert.Contains(machines["stateMachines"]!.AsArray(), m => (string?)m!["name"] == "long");
            var uploads = await UploadExecutionsAsync();
            Assert.Equal(2, uploads.Count);
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }
    }

    [AwsCliFact]
    public async Task CtrlC_RecordsRunningExecutionsAsFailed_AndExitsCleanly()
    {
        var serve = await StartServeAsync();
        var machine = (string)(await AwsAsync("create-state-machine", "--name", "long", "--definition", LongWait, "--role-arn", "arn:aws:iam::123456789012:role/r"))["stateMachineArn"]!;
        var running = (string)(await AwsAsync("start-execution", "--state-machine-arn", machine, "--name", "at-ctrl-c"))["executionArn"]!;

        using (var interrupt = Process.Start("kill", ["-INT", $"{serve.Id}"]))
        {
            await interrupt.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await serve.WaitForExitAsync(timeout.Token);
        var exitCode = serve.ExitCode;
        serve.Dispose();
        var stored = Directory.GetFiles(Path.Combine(DataDirectory, "executions"), "long~at-ctrl-c.json").Single();

        Assert.Equal(0, exitCode);
        var execution = JsonNode.Parse(File.ReadAllText(stored))!;
        Assert.Equal(("FAILED", "ServiceStopped"), ((string?)execution["status"], (string?)execution["error"]));
        Assert.Equal(running, (string?)execution["executionArn"]);
    }
}
