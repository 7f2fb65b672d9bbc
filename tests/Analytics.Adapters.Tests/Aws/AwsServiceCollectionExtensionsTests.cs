using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Adapters.Tests.Aws;

public sealed class AwsServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAwsAdapters_WithServiceUrl_ResolvesBothAdapters()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SalesTable"] = "sales",
            ["Storage:BucketName"] = "analytics-bucket",
            ["Storage:ServiceUrl"] = "http://127.0.0.1:5000",
            ["Storage:AuthenticationRegion"] = "us-east-1",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddAwsAdapters(configuration).BuildServiceProvider();

        Assert.IsType<DynamoDbSalesStore>(provider.GetRequiredService<ISalesStore>());
        Assert.Equal("analytics-bucket", Assert.IsType<S3ObjectStore>(provider.GetRequiredService<IObjectStore>()).BucketName);
    }
}
