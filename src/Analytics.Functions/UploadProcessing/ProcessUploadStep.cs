using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// upload-processor, state ProcessUpload: reads an uploaded file from the bucket in one streaming pass, and either
/// stores its store-days (<see cref="StoreDayRecorder"/>: each receipt counted once, whatever else the store sent, and
/// the whole file visible at once) or moves it to <c>rejected/</c> with an error report and throws
/// <see cref="InvalidUploadException"/>, which the state machine does not retry. A file in a store's folder
/// (<c>uploads/&lt;store_id&gt;/…</c>) holding another store's sales is invalid too (<see cref="UploadKeys.OwningStore"/>).
/// </summary>
public sealed class ProcessUploadStep(IObjectStore objects, UploadReader reader, StoreDayRecorder recorder, PendingUploads pending,
                                     RejectionReports rejections, TimeProvider time, ILogger<ProcessUploadStep> logger)
{
    /// <summary>The word that starts the log line of a rejection; the deployed template counts the lines holding it.</summary>
    public const string RejectedLogMarker = "UploadRejected";

    [LambdaFunction(ResourceName = "ProcessUpload", MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.ReadWrite,
                    Reads = [UploadKeys.UploadsPrefix, UploadKeys.RejectedPrefix, StoreDayLedger.Prefix],
                    Writes = [UploadKeys.RejectedPrefix, StoreDayLedger.Prefix, PendingUploads.Prefix],
                    Deletes = [UploadKeys.UploadsPrefix, StoreDayLedger.Prefix, PendingUploads.Prefix],
                    Lists = [UploadKeys.UploadsPrefix, UploadKeys.RejectedPrefix, StoreDayLedger.Prefix])]
    public async Task<ProcessUploadOutput> HandleAsync(ProcessUploadInput input, CancellationToken cancellationToken)
    {
        if (input.Detail.Bucket.Name != objects.BucketName)
        {
            throw new UnexpectedBucketException(input.Detail.Bucket.Name, objects.BucketName);
        }

        var (upload, content) = await OpenAsync(input.Detail.Object.Key, cancellationToken);
        var key = upload.Key;
        await using var spool = new ContributionSpool(logger);
        var storeDays = new List<StoreDayKey>();
        UploadReadResult result;
        await using (content)
        {
            // A store's folder holds its own sales only (its uploader role may write nowhere else).
            result = await reader.ReadAsync(content, key, UploadKeys.OwningStore(key), (contribution, token) =>
            {
                storeDays.Add(new StoreDayKey(contribution.Summary.BusinessDate, contribution.Summary.StoreId));
                return spool.AddAsync(contribution, token);
            }, cancellationToken);
        }

        if (!result.IsValid)
        {
            throw await RejectAsync(key, result.Problems, result.TotalProblems, cancellationToken);
        }

        var uploadId = UploadId(objects.BucketName, key);
        await pending.WriteAsync(new PendingUpload(uploadId, key, time.GetUtcNow(), storeDays), cancellationToken);
        var conflicts = await recorder.RecordAsync(uploadId, key, upload.LastModified, spool, storeDays, cancellationToken);
        await pending.DeleteAsync(uploadId, cancellationToken);
        if (conflicts.Count > 0)
        {
            throw await RejectAsync(key, conflicts, conflicts.Count, cancellationToken);
        }

        return new ProcessUploadOutput(uploadId, key, "accepted", result.StoreDays, result.Transactions,
                                       result.Units, result.NetRevenue, result.Bytes);
    }

    private async Task<InvalidUploadException> RejectAsync(string key, IReadOnlyList<UploadProblem> problems, int total, CancellationToken cancellationToken)
    {
        var rejection = new InvalidUploadException(key, problems, total);
        await rejections.RejectAsync(key, rejection, cancellationToken);
        Log.UploadRejected(logger, key, string.Join(",", rejection.StoreIds), rejection.TotalProblems);
        return rejection;
    }

    /// <summary>
    /// Opens the uploaded object. S3 URL-encodes the key in its events ("a b+c.json" → "a+b%2Bc.json"); each key the
    /// event's may stand for is tried in turn (<see cref="S3EventKey.Decodings"/>). When none is there, an earlier attempt
    /// may have rejected and moved the file: then the same rejection is thrown again. Each key is asked for with a
    /// listing of it (<see cref="ObjectStoreExtensions.FindAsync"/>), because the function may list only
    /// its prefixes, and S3 answers a read of a missing key with 403 to such a caller.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">No such key is there and no rejection of one is recorded.</exception>
    private async Task<(StoredObject Upload, Stream Content)> OpenAsync(string eventKey, CancellationToken cancellationToken)
    {
        var keys = S3EventKey.Decodings(eventKey);
        foreach (var key in keys)
        {
            if (await objects.FindAsync(key, cancellationToken) is { } upload)
            {
                try
                {
                    return (upload, await objects.OpenReadAsync(key, cancellationToken));
                }
                catch (ObjectNotFoundException)
                {
                    // moved to rejected/ since it was listed: a rejection is looked for below
                }
            }
        }

        foreach (var key in keys)
        {
            if (await rejections.FindAsync(key, cancellationToken) is { } earlier)
            {
                throw earlier;
            }
        }

        throw new ObjectNotFoundException(eventKey);
    }

    /// <summary>A short, stable id of the object (bucket and key) for logs and outputs.</summary>
    internal static string UploadId(string bucket, string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{bucket}/{key}")))[..16];
}


/// <summary>The S3 <c>Object Created</c> event as EventBridge delivers it; only the fields the step uses.</summary>
public sealed record ProcessUploadInput(ObjectCreatedDetail Detail);

[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Mirrors the event's detail.object field.")]
public sealed record ObjectCreatedDetail(BucketReference Bucket, ObjectReference Object);

public sealed record BucketReference(string Name);

public sealed record ObjectReference(string Key, long? Size = null);

/// <summary>What upload-processor's execution outputs for an accepted file.</summary>
public sealed record ProcessUploadOutput(
    string UploadId,
    string ObjectKey,
    string Status,
    int StoreDays,
    int Transactions,
    long Units,
    decimal NetRevenue,
    long Bytes);
