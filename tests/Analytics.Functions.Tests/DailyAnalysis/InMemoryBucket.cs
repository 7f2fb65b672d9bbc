using Analytics.Domain.Storage;
using NSubstitute;

namespace Analytics.Functions.Tests.DailyAnalysis;

/// <summary>An <see cref="IObjectStore"/> substitute that keeps what is written, reads it back and lists it.</summary>
internal sealed class InMemoryBucket
{
    public InMemoryBucket()
    {
        Store.BucketName.Returns("data-bucket");
        Store.WriteAsync(Arg.Any<string>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            using var copy = new MemoryStream();
            call.ArgAt<Stream>(1).CopyTo(copy);
            Objects[call.ArgAt<string>(0)] = copy.ToArray();
            return Task.CompletedTask;
        });
        Store.OpenReadAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
            Objects.TryGetValue(call.ArgAt<string>(0), out var bytes)
                ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
                : Task.FromException<Stream>(new ObjectNotFoundException(call.ArgAt<string>(0))));
        Store.ListAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
            Objects.Where(o => o.Key.StartsWith(call.ArgAt<string>(0), StringComparison.Ordinal)).OrderBy(o => o.Key, StringComparer.Ordinal)
                   .Select(o => new StoredObject(o.Key, o.Value.Length, DateTimeOffset.UnixEpoch)).ToAsyncEnumerable());
    }

    public IObjectStore Store { get; } = Substitute.For<IObjectStore>();

    public Dictionary<string, byte[]> Objects { get; } = new(StringComparer.Ordinal);
}
