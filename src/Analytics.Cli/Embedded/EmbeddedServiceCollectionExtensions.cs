using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Cli.Embedded;

/// <summary>Registers the embedded adapters of the storage ports, for local runs without AWS.</summary>
internal static class EmbeddedServiceCollectionExtensions
{
    /// <summary>The bucket name the folder store reports (as S3 events would name a bucket).</summary>
    public const string BucketName = "local";

    /// <summary>
    /// <see cref="SqliteSalesStore"/> on <c>&lt;dataDirectory&gt;/analytics.db</c> and <see cref="FolderObjectStore"/>
    /// on <c>&lt;dataDirectory&gt;/bucket</c> (bucket name <c>local</c>), both singletons.
    /// </summary>
    public static IServiceCollection AddEmbeddedAdapters(this IServiceCollection services, string dataDirectory)
    {
        var root = Path.GetFullPath(dataDirectory);
        services.AddSingleton(_ => new SqliteConnectionFactory(Path.Combine(root, "analytics.db")));
        services.AddSingleton<ISalesStore>(provider => new SqliteSalesStore(provider.GetRequiredService<SqliteConnectionFactory>()));
        services.AddSingleton<IObjectStore>(provider => new FolderObjectStore(
            Path.Combine(root, "bucket"), BucketName, provider.GetService<ILogger<FolderObjectStore>>()));
        return services;
    }
}
