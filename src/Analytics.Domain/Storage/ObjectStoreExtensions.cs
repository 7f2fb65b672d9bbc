namespace Analytics.Domain.Storage;

/// <summary>Reads of keys that may not exist.</summary>
public static class ObjectStoreExtensions
{
    /// <summary>
    /// Opens the object when it exists, else returns null: for keys that may legitimately be missing. S3 answers a
    /// read of a missing key with 404 only to a caller allowed <c>s3:ListBucket</c> on the whole bucket (every key name
    /// in it), and with 403 to everyone else; so this first lists the exact key (a listing whose prefix is the key,
    /// which a <c>s3:ListBucket</c> grant conditioned on <c>s3:prefix</c> allows), and reads only a key that is there.
    /// The key sorts first among the keys it prefixes, so the first one listed decides.
    /// </summary>
    public static async Task<Stream?> OpenReadIfPresentAsync(this IObjectStore objects, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        await using var listing = objects.ListAsync(key, cancellationToken).GetAsyncEnumerator(cancellationToken);
        if (!await listing.MoveNextAsync() || listing.Current.Key != key)
        {
            return null;
        }

        try
        {
            return await objects.OpenReadAsync(key, cancellationToken);
        }
        catch (ObjectNotFoundException)
        {
            return null; // deleted since it was listed
        }
    }
}
