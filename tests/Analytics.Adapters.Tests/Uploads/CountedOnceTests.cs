using Analytics.Adapters.Tests.Fixtures;
using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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
public sealed class DynamoDbCountedOnceTests(MotoServerFixture moto) : CountedOnceContract, IAsyncLifetime
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
}
