using Amazon.DynamoDBv2;
using Amazon.S3;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Aws;

/// <summary>Registers the AWS adapters of the storage ports.</summary>
public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageOptions"/> from the <c>Storage</c> section and registers DynamoDB and S3 clients
    /// (region and credentials from the SDK's standard chains; <c>Storage:ServiceUrl</c> points both at another
    /// endpoint) and <see cref="DynamoDbSalesStore"/> and <see cref="S3ObjectStore"/> as the ports' singletons.
    /// Clients already registered (e.g. by a test) are kept.
    /// </summary>
    public static IServiceCollection AddAwsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName));
        services.TryAddSingleton<IAmazonDynamoDB>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var config = new AmazonDynamoDBConfig();
            if (options.ServiceUrl is { } url)
            {
                config.ServiceURL = url.ToString();
                config.AuthenticationRegion = options.AuthenticationRegion;
            }

            return new AmazonDynamoDBClient(config);
        });
        services.TryAddSingleton<IAmazonS3>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var config = new AmazonS3Config();
            if (options.ServiceUrl is { } url)
            {
                config.ServiceURL = url.ToString();
                config.AuthenticationRegion = options.AuthenticationRegion;
                config.ForcePathStyle = true;
            }

            return new AmazonS3Client(config);
        });
        services.AddSingleton<ISalesStore>(provider => new DynamoDbSalesStore(
            provider.GetRequiredService<IAmazonDynamoDB>(),
            provider.GetRequiredService<IOptions<StorageOptions>>(),
            provider.GetRequiredService<ILogger<DynamoDbSalesStore>>()));
        services.AddSingleton<IObjectStore>(provider => new S3ObjectStore(
            provider.GetRequiredService<IAmazonS3>(),
            provider.GetRequiredService<IOptions<StorageOptions>>()));
        return services;
    }
}
