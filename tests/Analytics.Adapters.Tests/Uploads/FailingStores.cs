using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Testing;

namespace Analytics.Adapters.Tests.Uploads;

/// <summary>An object store whose <c>n</c>-th write, move or delete fails once (before it happens), as a crash or a lost
/// connection would stop a step there.</summary>
internal sealed class FailingObjectStore(IObjectStore inner, int failAt) : IObjectStore
{
    private int _changes;

    public bool Failed { get; private set; }

    public string BucketName => inner.BucketName;

    public Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken) => inner.OpenReadAsync(key, cancellationToken);

    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Change();
        await inner.WriteAsync(key, content, contentType, cancellationToken);
    }

    public async Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        Change();
        await inner.MoveAsync(sourceKey, destinationKey, cancellationToken);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Change();
        await inner.DeleteAsync(key, cancellationToken);
    }

    public IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

    private void Change()
    {
        if (Interlocked.Increment(ref _changes) == failAt)
        {
            Failed = true;
            throw new IOException($"Injected fault at change {failAt}.");
        }
    }
}

/// <summary>A sales store that stages but dies when asked to commit, as a Lambda timed out there would.</summary>
internal sealed class CommitFailingSalesStore(ISalesStore inner) : DelegatingSalesStore(inner)
{
    public override Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken) =>
        throw new TimeoutException("Injected: the function timed out before its commit.");
}

/// <summary>A sales store that runs <paramref name="observe"/> before and after every staging and commit: a reader
/// placed at each point where a save could be seen half-done.</summary>
internal sealed class ObservedSalesStore(ISalesStore inner, Func<Task> observe) : DelegatingSalesStore(inner)
{
    public override async Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken)
    {
        await observe();
        await base.StageAsync(uploadId, records, cancellationToken);
        await observe();
    }

    public override async Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken)
    {
        await observe();
        await base.CommitAsync(uploadId, storeDays, cancellationToken);
        await observe();
    }
}
