using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Adapters.Tests.Storage;

public sealed class EmbeddedServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddEmbeddedAdapters_DataDirectory_UsesItsDatabaseAndBucketFolder()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-data-").FullName;
        try
        {
            await using (var provider = new ServiceCollection().AddEmbeddedAdapters(folder).BuildServiceProvider())
            {
                var sales = provider.GetRequiredService<ISalesStore>();
                var objects = provider.GetRequiredService<IObjectStore>();
                Assert.Empty(await sales.GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None));
                Assert.Equal("local", objects.BucketName);
                Assert.True(File.Exists(Path.Combine(folder, "analytics.db")));
                Assert.True(Directory.Exists(Path.Combine(folder, "bucket")));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
