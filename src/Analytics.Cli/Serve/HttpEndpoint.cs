using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Serve;

/// <summary>
/// One Kestrel listener of <c>analytics serve</c> (the Step Functions API and browser on one port, the Lambda API on
/// another): a slim web application whose routes <paramref name="map"/> adds, bound to one address (port 0 picks a
/// free one, for tests); <see cref="Address"/> is where it listens once started.
/// </summary>
internal sealed class HttpEndpoint(string host, int port, Action<WebApplication> map, ILoggerProvider? logging = null) : IAsyncDisposable
{
    private WebApplication? _app;

    public Uri Address { get; private set; } = new($"http://{host}:{port}/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            builder.Logging.AddProvider(logging);
        }

        builder.WebHost.UseKestrel(options => options.Limits.MaxRequestBodySize = 16 * 1024 * 1024);
        builder.WebHost.UseUrls(new Uri($"http://{host}:{port}/").ToString());
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
