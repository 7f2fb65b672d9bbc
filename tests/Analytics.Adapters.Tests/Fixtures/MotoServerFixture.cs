using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;

namespace Analytics.Adapters.Tests.Fixtures;

/// <summary>
/// A <c>moto_server</c> on 127.0.0.1 and a free port, with DynamoDB and S3 clients pointed at it. Started once
/// for every test class of <c>SharedMotoServer</c>; the process tree is killed on dispose.
/// </summary>
public sealed class MotoServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60); // python imports take long on a loaded machine
    private readonly Queue<string> _lastOutput = new();
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = null!;
    public AmazonDynamoDBClient DynamoDb { get; private set; } = null!;
    public AmazonS3Client S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("moto_server")
        {
            ArgumentList = { "-H", "127.0.0.1", "-p", port.ToString() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException("moto_server did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "moto_server is not on PATH. The adapter tests need it: install with `pip install \"moto[server]\"` (moto 5.2).", e);
        }

        // Drain both pipes (moto logs every request) so the server never blocks on a full pipe.
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilAnsweringAsync();
        var credentials = new BasicAWSCredentials("test", "test");
        DynamoDb = new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
        });
        S3 = new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = ServiceUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
        });
    }

    public Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        S3?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"moto_server exited with code {_process.ExitCode}: {Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(ServiceUrl, "/moto-api/"));
                return; // any HTTP answer means the server is up
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"moto_server did not answer on {ServiceUrl} within {StartTimeout.TotalSeconds} s: {Output()}");
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            while (_lastOutput.Count > 20)
            {
                _lastOutput.Dequeue();
            }
        }
    }

    private string Output()
    {
        lock (_lastOutput)
        {
            return string.Join(Environment.NewLine, _lastOutput);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
