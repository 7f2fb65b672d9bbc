using System.Net;
using System.Runtime.CompilerServices;
using Amazon.Runtime;
using Amazon.S3;
using Analytics.Domain.Storage;

namespace Analytics.Cli.Tests.Iam;

/// <summary>
/// An <see cref="IObjectStore"/> that answers as S3 answers a caller with <paramref name="policy"/>. Each method is
/// checked for the S3 actions of the requests the S3 adapter (<c>S3ObjectStore</c>) makes for it: OpenRead = GetObject;
/// Exists = HeadObject, which needs <c>s3:GetObject</c>; Write = PutObject; Delete = DeleteObject; List = ListObjectsV2,
/// which needs <c>s3:ListBucket</c> on the bucket with the request's prefix as <c>s3:prefix</c>; Move = CopyObject
/// (<c>s3:GetObject</c> on the source, <c>s3:PutObject</c> on the target) then DeleteObject on the source, or a HEAD
/// when both keys are the same (all three are checked before the move, where S3 would copy before a denied delete).
/// The bucket policy (TLS only) is not evaluated: the SDK always uses TLS. A missing key is <see cref="ObjectNotFoundException"/> (S3's 404) only for a caller
/// allowed <c>s3:ListBucket</c> on the bucket itself, a request without <c>s3:prefix</c>; any other caller gets 403, as
/// S3 does. Denials are thrown as the S3 adapter lets them escape: <see cref="AmazonS3Exception"/>, 403 AccessDenied.
/// </summary>
internal sealed class IamObjectStore(IObjectStore inner, IamPolicy policy) : IObjectStore
{
    private string BucketArn => $"arn:aws:s3:::{inner.BucketName}";

    public string BucketName => inner.BucketName;

    public async Task<Stream> OpenReadAsync(string key, CancellationToken cancellationToken)
    {
        Require("s3:GetObject", key);
        try
        {
            return await inner.OpenReadAsync(key, cancellationToken);
        }
        catch (ObjectNotFoundException) when (!MayLearnMissingKeys)
        {
            throw Denied("s3:GetObject", key, missing: true);
        }
    }

    public Task WriteAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        Require("s3:PutObject", key);
        return inner.WriteAsync(key, content, contentType, cancellationToken);
    }

    public async Task MoveAsync(string sourceKey, string destinationKey, CancellationToken cancellationToken)
    {
        if (sourceKey == destinationKey)
        {
            if (!await ExistsAsync(sourceKey, cancellationToken))
            {
                throw new ObjectNotFoundException(sourceKey);
            }

            return;
        }

        Require("s3:GetObject", sourceKey);
        Require("s3:PutObject", destinationKey);
        if (!MayLearnMissingKeys && !await inner.ExistsAsync(sourceKey, cancellationToken))
        {
            throw Denied("s3:GetObject", sourceKey, missing: true);
        }

        Require("s3:DeleteObject", sourceKey);
        await inner.MoveAsync(sourceKey, destinationKey, cancellationToken);
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        Require("s3:GetObject", key);
        var exists = await inner.ExistsAsync(key, cancellationToken);
        return exists || MayLearnMissingKeys ? exists : throw Denied("s3:GetObject", key, missing: true);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        Require("s3:DeleteObject", key);
        return inner.DeleteAsync(key, cancellationToken);
    }

    public async IAsyncEnumerable<StoredObject> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, string> context = prefix.Length == 0 ? [] : new() { ["s3:prefix"] = prefix };
        if (!policy.IsAllowed("s3:ListBucket", BucketArn, context))
        {
            throw Denied("s3:ListBucket", $"(prefix '{prefix}')", missing: false, resource: BucketArn);
        }

        await foreach (var stored in inner.ListAsync(prefix, cancellationToken))
        {
            yield return stored;
        }
    }

    /// <summary>S3 tells a missing key (404) from a forbidden one only to callers allowed to list the whole bucket.</summary>
    private bool MayLearnMissingKeys => policy.IsAllowed("s3:ListBucket", BucketArn);

    private void Require(string action, string key)
    {
        if (!policy.IsAllowed(action, $"{BucketArn}/{key}"))
        {
            throw Denied(action, key, missing: false);
        }
    }

    private AmazonS3Exception Denied(string action, string key, bool missing, string? resource = null) =>
        new($"Access Denied ({action} on {resource ?? $"{BucketArn}/{key}"}{(missing ? ": the key is missing and the caller may not list the bucket" : "")})",
            ErrorType.Sender, "AccessDenied", "iam-object-store", HttpStatusCode.Forbidden);
}
