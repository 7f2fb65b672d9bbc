using Analytics.Adapters.Tests.Fixtures;
using Analytics.Domain.Storage;
using Analytics.Functions.Aws;
using Microsoft.Extensions.Options;

namespace Analytics.Adapters.Tests.Storage;

/// <summary>The object store contract on moto_server, a fresh bucket per test.</summary>
[Trait("Category", "LocalServer")]
[Collection(SharedMotoServer.Name)]
public sealed class S3ObjectStoreTests(MotoServerFixture moto) : ObjectStoreContract, IAsyncLifetime
{
    private readonly string _bucket = $"bucket-{Guid.NewGuid():N}";

    protected override IObjectStore Store => new S3ObjectStore(moto.S3, Options.Create(new StorageOptions { BucketName = _bucket }));

    public Task InitializeAsync() => moto.S3.PutBucketAsync(_bucket);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void BucketName_IsTheConfiguredBucket() => Assert.Equal(_bucket, Store.BucketName);
}
