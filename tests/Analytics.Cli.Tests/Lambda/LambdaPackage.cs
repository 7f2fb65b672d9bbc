using System.Diagnostics;
using System.Text.Json.Nodes;
using Analytics.Cli.Deployment;
using Analytics.Cli.Tests.Deployment;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Lambda;

/// <summary>
/// The Lambda package built exactly as <c>sam build</c> builds it: <c>make --makefile src/Analytics.Functions/Makefile
/// build-&lt;FunctionLogicalId&gt;</c> with <c>ARTIFACTS_DIR</c> set, from a scratch folder. Built once per test class.
/// </summary>
public sealed class LambdaPackage : IAsyncLifetime
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("analytics-sam-scratch-");

    /// <summary>The package's folder: what Lambda unpacks to <c>/var/task</c>.</summary>
    public DirectoryInfo TaskRoot { get; } = Directory.CreateTempSubdirectory("analytics-task-root-");

    public int ExitCode { get; private set; }

    public string Output { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var make = new ProcessStartInfo("make")
        {
            WorkingDirectory = _scratch.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "--makefile", Path.Combine(SharedFolder.Repository, SamTemplate.FunctionsCodeUri, "Makefile"), "build-ProcessUpload" },
            Environment = { ["ARTIFACTS_DIR"] = TaskRoot.FullName },
        };
        using var process = ExternalTool.Find("make") is null
            ? throw new InvalidOperationException("make is not on PATH: sam build (BuildMethod: makefile) and this test need it (apt-get install make).")
            : Process.Start(make) ?? throw new InvalidOperationException("make did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        (ExitCode, Output) = (process.ExitCode, await output + await errors);
    }

    public Task DisposeAsync()
    {
        TaskRoot.Delete(recursive: true);
        _scratch.Delete(recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The function's environment variables as the template declares them (globals, then the function's own), with
    /// each <c>Ref</c> replaced by <paramref name="refs"/>' value.
    /// </summary>
    public static Dictionary<string, string> TemplateEnvironment(string function, IReadOnlyDictionary<string, string> refs)
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, SamTemplate.FileName)))!;
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { template["Globals"]?["Function"], template["Resources"]![function]!["Properties"] })
        {
            foreach (var (name, value) in source?["Environment"]?["Variables"]?.AsObject() ?? [])
            {
                variables[name] = value is JsonObject { } node && node["Ref"] is { } reference ? refs[(string)reference!] : (string)value!;
            }
        }

        return variables;
    }
}

/// <summary>
/// One execution environment: the package started as the managed <c>dotnet10</c> runtime's bootstrap starts an
/// executable assembly (handler without <c>::</c>): <c>dotnet exec $LAMBDA_TASK_ROOT/&lt;handler&gt;.dll</c>, in an
/// environment holding only what Lambda sets and what the function's configuration adds.
/// </summary>
public sealed class LambdaProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private LambdaProcess(Process process, long started) => (_process, Started) = (process, started);

    /// <summary>Stopwatch timestamp of the process start.</summary>
    public long Started { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>What the function wrote to stdout and stderr (its log lines).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <param name="functionEnvironment">The function's configured variables (template environment, or less to test init errors).</param>
    public static LambdaProcess Start(LambdaPackage package, FakeRuntimeApi api, string function, IReadOnlyDictionary<string, string> functionEnvironment)
    {
        var handler = SamTemplate.Handler;
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? ExternalTool.Find("dotnet")
                     ?? throw new InvalidOperationException("dotnet is not on PATH.");
        var start = new ProcessStartInfo(dotnet)
        {
            WorkingDirectory = package.TaskRoot.FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "exec", Path.Combine(package.TaskRoot.FullName, handler + ".dll") },
        };
        var environment = start.Environment;
        environment.Clear();
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["PATH"] = Path.GetDirectoryName(dotnet)! + ":/usr/local/bin:/usr/bin:/bin",
                     ["LANG"] = "en_US.UTF-8",
                     ["TZ"] = ":UTC",
                     ["DOTNET_ROOT"] = Path.GetDirectoryName(dotnet)!,
                     ["LAMBDA_TASK_ROOT"] = package.TaskRoot.FullName,
                     ["LAMBDA_RUNTIME_DIR"] = package.TaskRoot.FullName,
                     ["_HANDLER"] = handler,
                     ["AWS_LAMBDA_RUNTIME_API"] = api.Endpoint,
                     ["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet10",
                     ["AWS_REGION"] = "us-east-1",
                     ["AWS_DEFAULT_REGION"] = "us-east-1",
                     ["AWS_ACCESS_KEY_ID"] = "ASIATESTTESTTESTTEST",
                     ["AWS_SECRET_ACCESS_KEY"] = "test-secret",
                     ["AWS_SESSION_TOKEN"] = "test-session-token",
                     ["AWS_LAMBDA_FUNCTION_NAME"] = "analytics-test-" + function,
                     ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
                     ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "1024",
                     ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
                     ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/analytics-test-" + function,
                     ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/12/01/[$LATEST]0123456789abcdef",
                 }.Concat(functionEnvironment))
        {
            environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet exec did not start.");
        var lambda = new LambdaProcess(process, started);
        process.OutputDataReceived += (_, e) => lambda.Remember(e.Data);
        process.ErrorDataReceived += (_, e) => lambda.Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lambda;
    }

    /// <summary>The process's resident set (VmRSS of /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Waits for the process to end by itself; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
