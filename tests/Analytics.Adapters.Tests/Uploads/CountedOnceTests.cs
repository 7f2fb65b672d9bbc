using Amazon.Runtime;
using Analytics.Adapters.Tests.Fixtures;
using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Analytics.Adapters.Tests.Uploads;

/// <summary>Counted once on the local stack: a bucket folder and SQLite, in a fresh temp folder per test.</summary>
public sealed class SqliteCountedOnceTests : CountedOnceContract, IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("analytics-once-");

    public SqliteCountedOnceTests()
    {
        Objects = new FolderObjectStore(Path.Combine(_folder.FullName, "bucket"), "local");
        Sales = new SqliteSalesStore(new SqliteConnectionFactory(Path.Combine(_folder.FullName, "analytics.db")));
    }

    protected override IObjectStore Objects { get; }

    protected override ISalesStore Sales { get; }

    public void Dispose() => _folder.Delete(recursive: true);
}

/// <summary>Counted once on AWS's protocols: S3 and DynamoDB on moto_server, a fresh bucket and table per test.</summary>
[Trait("Category", "LocalServer")]
[Collection(SharedMotoServer.Name)]
public sealed class DynamoDbCountedOnceTests(MotoServerFixture moto, ITestOutputHelper output) : CountedOnceContract, IAsyncLifetime
{
    private readonly string _name = $"once-{Guid.NewGuid():N}";

    protected override IObjectStore Objects => new S3ObjectStore(moto.S3, Options.Create(new StorageOptions { BucketName = _name }));

    protected override ISalesStore Sales => new DynamoDbSalesStore(
        moto.DynamoDb, Options.Create(new StorageOptions { SalesTable = _name }), NullLogger<DynamoDbSalesStore>.Instance);

    /// <summary>Each history is some fifty requests to moto: fewer runs than on SQLite, the same property.</summary>
    protected override int PropertyRuns => 10;

    public async Task InitializeAsync()
    {
        await moto.S3.PutBucketAsync(_name);
        await moto.DynamoDb.CreateTableAsync(DynamoDbSalesStore.TableDefinition(_name));
    }

    public Task DisposeAsync() => moto.DynamoDb.DeleteTableAsync(_name);

    /// <summary>What an upload costs in DynamoDB requests: a store's first file of a day, then a correction of it (which
    /// also removes the record it supersedes). SKU lines fit one part.</summary>
    [Fact]
    public async Task Requests_PerUploadAndPerCorrection()
    {
        var requests = new List<string>();
        void Count(object sender, RequestEventArgs e) => requests.Add(((WebServiceRequestEventArgs)e).Request.GetType().Name.Replace("Request", "", StringComparison.Ordinal));
        moto.DynamoDb.BeforeRequestEvent += Count;
        try
        {
            await UploadAsync("uploads/store-0042/day.json", StoreDayFiles.File("18:00", StoreDayAction.Merge, StoreDayFiles.Sale("T1", 10m)));
            var first = Tally(requests);
            requests.Clear();
            await UploadAsync("uploads/store-0042/correction.json", StoreDayFiles.File("19:00", StoreDayAction.Merge, StoreDayFiles.Sale("T1", 12m)));
            var correction = Tally(requests);

            output.WriteLine($"first file of a store-day: {first}\ncorrection: {correction}");
            Assert.Equal("BatchWriteItem 2, Query 1, TransactWriteItems 1", first);
            Assert.Equal("BatchWriteItem 4, Query 1, TransactWriteItems 1", correction);
        }
        finally
        {
            moto.DynamoDb.BeforeRequestEvent -= Count;
        }
    }

    private static string Tally(List<string> requests) =>
        string.Join(", ", requests.GroupBy(r => r, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
}
