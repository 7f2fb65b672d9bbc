namespace Analytics.Domain.Storage;

/// <summary>
/// A bucket of objects addressed by key (S3 on AWS, a folder locally). Keys use '/' as separator and never
/// start with '/' or contain '..' segments.
/// </summary>
public interface IObjectStore
{
    /// <summary>The bucket's name, as events name it (<c>detail.bucket.name</c>).</summary>
    string BucketName { get; }

    /// <summary>Opens the object for streaming reads; the caller disposes the stream.</summary>
    /// <exception cref="ObjectNotFoundException">No object has that key.</exception>
    Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the object with the whole of <paramref name="content"/> (read from its current position).</summary>
    Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Moves an object, replacing any object at <paramref name="destinationKey"/>.</summary>
    /// <exception cref="ObjectNotFoundException">No object has <paramref name="sourceKey"/>.</exception>
    Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken);

    /// <summary>Whether an object has that key.</summary>
    Task<bool> ExistsAsync(string key, CancellationToken cancellationToken);

    /// <summary>Deletes the object; deleting a missing key is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Objects whose key starts with <paramref name="prefix"/>, in ordinal key order.</summary>
    IAsyncEnumerable<StoredObject> ListAsync(string prefix, CancellationToken cancellationToken);
}
