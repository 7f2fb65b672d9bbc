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
        if (await objects.FindAsync(key, cancellationToken) is null)
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

    /// <summary>The object <paramref name="key"/> as a listing of it shows it (size, last modified), or null when
    /// there is none; asked as <see cref="OpenReadIfPresentAsync"/> asks, so a prefix-conditioned listing grant is
    /// enough.</summary>
    public static async Task<StoredObject?> FindAsync(this IObjectStore objects, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(objects);
        await using var listing = objects.ListAsync(key, cancellationToken).GetAsyncEnumerator(cancellationToken);
        return await listing.MoveNextAsync() && listing.Current.Key == key ? listing.Current : null;
    }
}
