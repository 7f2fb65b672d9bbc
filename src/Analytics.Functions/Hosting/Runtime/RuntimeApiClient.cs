using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Analytics.Functions.Hosting.Runtime;

/// <summary>
/// A client of the Lambda Runtime API, version 2018-06-01, at <c>http://$AWS_LAMBDA_RUNTIME_API</c>: the next event,
/// its response or error, and an initialization error. Any answer but the documented ones is a
/// <see cref="RuntimeApiException"/>, after which the runtime must exit (the API's 500 means "non-recoverable").
/// </summary>
public sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";
    private readonly HttpClient _http;

    /// <param name="endpoint">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(string endpoint)
    {
        // The next event may be minutes away (a warm environment waits for work): no timeout on the client.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://{endpoint}/2018-06-01/runtime/"),
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Waits for the next event (<c>GET invocation/next</c>).</summary>
    public async Task<Invocation> NextAsync(CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync("invocation/next", HttpCompletionOption.ResponseContentRead, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.OK, "invocation/next", cancellationToken);
        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
                        ?? throw new RuntimeApiException("invocation/next answered without Lambda-Runtime-Aws-Request-Id.");
        var deadline = long.TryParse(Header(headers, "Lambda-Runtime-Deadline-Ms"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : throw new RuntimeApiException($"invocation/next answered request {requestId} without a valid Lambda-Runtime-Deadline-Ms.");
        return new Invocation(requestId, deadline, Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
                              Header(headers, "Lambda-Runtime-Trace-Id"), await response.Content.ReadAsByteArrayAsync(cancellationToken));
    }

    /// <summary>Sends the function's response (<c>POST invocation/{id}/response</c>).</summary>
    /// <returns>Null when accepted; otherwise why the API refused it (e.g. 413, larger than the payload limit).</returns>
    public async Task<string?> RespondAsync(string requestId, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync($"invocation/{Uri.EscapeDataString(requestId)}/response", content, cancellationToken);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge)
        {
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }

        await EnsureAsync(response, HttpStatusCode.Accepted, "invocation/response", cancellationToken);
        return null;
    }

    /// <summary>Reports the invocation's failure (<c>POST invocation/{id}/error</c>).</summary>
    public Task ReportErrorAsync(string requestId, RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync($"invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellationToken);

    /// <summary>Reports that the function cannot start (<c>POST init/error</c>); the runtime exits after it.</summary>
    public Task ReportInitErrorAsync(RuntimeError error, CancellationToken cancellationToken) =>
        PostErrorAsync("init/error", error, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task PostErrorAsync(string path, RuntimeError error, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(error.ToJson());
        content.Headers.ContentType = new MediaTypeHeaderValue(RuntimeError.ContentType);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(ErrorTypeHeader, error.ErrorType);
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, HttpStatusCode.Accepted, path, cancellationToken);
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected, string path, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            throw new RuntimeApiException(
                $"The Runtime API answered {path} with {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}

/// <summary>The Runtime API answered outside its protocol, or said the environment cannot go on: the runtime exits.</summary>
public sealed class RuntimeApiException(string message) : Exception(message);
