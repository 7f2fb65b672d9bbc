using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Analytics.Cli.Tests.Lambda;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that accepts connections, reads each request's head and never answers: a service
/// that hangs. Records the request heads it read.
/// </summary>
public sealed class BlackHoleEndpoint : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<TcpClient> _clients = [];

    public BlackHoleEndpoint()
    {
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _ = AcceptAsync();
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> RequestHeads { get; } = new();

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _clients.Add(client);
                _ = ReadHeadAsync(client);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReadHeadAsync(TcpClient client)
    {
        var buffer = new byte[16 * 1024];
        var head = new StringBuilder();
        try
        {
            var stream = client.GetStream();
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var read = await stream.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }

            RequestHeads.Enqueue(head.ToString());
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _stop.Dispose();
    }
}
