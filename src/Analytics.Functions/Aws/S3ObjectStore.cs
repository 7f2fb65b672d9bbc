using System.Net;
using System.Runtime.CompilerServices;
using Amazon.S3;
using Amazon.S3.Model;
using Analytics.Domain.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Functions.Aws;

/// <summary>
/// <see cref="IObjectStore"/> on one S3 bucket. A missing key becomes <see cref="ObjectNotFoundException"/>;
/// every other S3 error (throttling, 5xx, access) escapes unwrapped.
/// </summary>
public sealed class S3ObjectStore : IObjectStore
{
    private readonly IAmazonS3 _s3;

    public S3ObjectStore(IAmazonS3 s3, IOptions<StorageOptions> options)
    {
        _s3 = s3;
        BucketName = options.Value.BucketName;
        ArgumentException.ThrowIfNullOrWhiteSpace(BucketName, "Storage:BucketName");
    }

    public string BucketName { get; }

    /// <summary>Streams the object straight from the response; disposing the stream releases the connection.</summary>
    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _s3.GetObjectAsync(new GetObjectRequest { BucketName = BucketName, Key = key }, cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            throw new ObjectNotFoundException(key, e);
        }
    }

    /// <summary>
    /// Puts the object. A stream that cannot seek is buffered first, because PutObject needs the length up front;
    /// so is one not at its start, because the SDK rewinds request streams to position 0.
    /// </summary>
    public async Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        MemoryStream? buffer = null;
        try
        {
            if (!content.CanSeek || content.Position != 0)
            {
                buffer = new MemoryStream();
                await content.CopyToAsync(buffer, cancellationToken);
                buffer.Position = 0;
            }

            await _s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = BucketName,
                    Key = key,
                    InputStream = buffer ?? content,
                    ContentType = contentType,
                    AutoCloseStream = false,
                },
                cancellationToken);
        }
        finally
        {
            if (buffer is not null)
            {
                await buffer.DisposeAsync();
            }
        }
    }

    /// <summary>CopyObject then DeleteObject: not atomic; a failure in between leaves both keys, and a retry converges.</summary>
    public async Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        if (string.Equals(sourceKey, destinationKey, StringComparison.Ordinal))
        {
            if (!await ExistsAsync(sourceKey, cancellationToken))
            {
                throw new ObjectNotFoundException(sourceKey);
            }

            return;
        }

        try
        {
            await _s3.CopyObjectAsync(
                new CopyObjectRequest
                {
                    SourceBucket = BucketName,
                    SourceKey = sourceKey,
                    DestinationBucket = BucketName,
                    DestinationKey = destinationKey,
                },
                cancellationToken);
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            throw new ObjectNotFoundException(sourceKey, e);
        }

        await DeleteAsync(sourceKey, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = BucketName, Key = key }, cancellationToken);
            return true;
        }
        catch (AmazonS3Exception e) when (IsNotFound(e))
        {
            return false;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = BucketName, Key = key }, cancellationToken);

    /// <summary>ListObjectsV2, page by page; S3 returns keys in ascending (UTF-8 binary) order.</summary>
    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new ListObjectsV2Request { BucketName = BucketName, Prefix = prefix };
        await foreach (var page in _s3.Paginators.ListObjectsV2(request).Responses.WithCancellation(cancellationToken))
        {
            foreach (var item in page.S3Objects ?? [])
            {
                yield return new StoredObject(item.Key, item.Size ?? 0, item.LastModified is { } modified
                    ? new DateTimeOffset(modified.ToUniversalTime(), TimeSpan.Zero)
                    : DateTimeOffset.MinValue);
            }
        }
    }

    private static bool IsNotFound(AmazonS3Exception e) =>
        e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound";
}
