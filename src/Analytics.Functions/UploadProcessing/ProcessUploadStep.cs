using System.Diagnostics.CodeAnalysis;
using System.Globalization;
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
/// stores its store-day results (idempotently) or moves it to <c>rejected/</c> with an error report and throws
/// <see cref="InvalidUploadException"/>, which the state machine does not retry. A file in a store's folder
/// (<c>uploads/&lt;store_id&gt;/…</c>) holding another store's sales is invalid too (<see cref="UploadKeys.OwningStore"/>).
/// </summary>
public sealed class ProcessUploadStep(IObjectStore objects, ISalesStore sales, UploadReader reader, RejectionReports rejections,
                                     ILogger<ProcessUploadStep> logger)
{
    /// <summary>The word that starts the log line of a rejection; the deployed template counts the lines holding it.</summary>
    public const string RejectedLogMarker = "UploadRejected";

    /// <summary>How many store-day contributions go to the sales store per call.</summary>
    internal const int SaveBatchSize = 100;

    [LambdaFunction(ResourceName = "ProcessUpload", MemorySize = 1024, Timeout = 300,
                    SalesTable = TableAccess.ReadWrite, Reads = [UploadKeys.UploadsPrefix, UploadKeys.RejectedPrefix],
                    Writes = [UploadKeys.RejectedPrefix], Deletes = [UploadKeys.UploadsPrefix],
                    Lists = [UploadKeys.UploadsPrefix, UploadKeys.RejectedPrefix])]
    public async Task<ProcessUploadOutput> HandleAsync(ProcessUploadInput input, CancellationToken cancellationToken)
    {
        var key = input.Detail.Object.Key;
        if (input.Detail.Bucket.Name != objects.BucketName)
        {
            throw new UnexpectedBucketException(input.Detail.Bucket.Name, objects.BucketName);
        }

        (key, var content) = await OpenAsync(key, cancellationToken);
        await using var spool = new ContributionSpool(logger);
        var currencies = new Dictionary<(DateOnly Date, string StoreId), string>();
        UploadReadResult result;
        await using (content)
        {
            // A store's folder holds its own sales only (its uploader role may write nowhere else).
            result = await reader.ReadAsync(content, key, UploadKeys.OwningStore(key), (contribution, token) =>
            {
                currencies[(contribution.Summary.BusinessDate, contribution.Summary.StoreId)] = contribution.Summary.Currency;
                return spool.AddAsync(contribution, token);
            }, cancellationToken);
        }

        var problems = result.IsValid ? await CurrencyConflictsAsync(currencies, cancellationToken) : result.Problems;
        if (problems.Count > 0)
        {
            var rejection = new InvalidUploadException(key, problems, result.IsValid ? problems.Count : result.TotalProblems);
            await rejections.RejectAsync(key, rejection, cancellationToken);
            Log.UploadRejected(logger, key, string.Join(",", rejection.StoreIds), rejection.TotalProblems);
            throw rejection;
        }

        await foreach (var batch in spool.ReadBatchesAsync(SaveBatchSize, cancellationToken))
        {
            await sales.SaveAsync(batch, cancellationToken);
        }

        return new ProcessUploadOutput(UploadId(objects.BucketName, key), key, "accepted", result.StoreDays, result.Transactions,
                                       result.Units, result.NetRevenue, result.Bytes);
    }

    /// <summary>Store-days of the file already stored in another currency: their sums could not be merged.</summary>
    private async Task<IReadOnlyList<UploadProblem>> CurrencyConflictsAsync(
        Dictionary<(DateOnly Date, string StoreId), string> currencies, CancellationToken cancellationToken)
    {
        var problems = new List<UploadProblem>();
        foreach (var date in currencies.Keys.Select(k => k.Date).Distinct().Order())
        {
            foreach (var stored in await sales.GetDayAsync(date, SalesDetail.Totals, cancellationToken))
            {
                if (currencies.TryGetValue((date, stored.StoreId), out var currency) && currency != stored.Currency)
                {
                    problems.Add(new UploadProblem(UploadProblemCodes.CurrencyConflict,
                        $"{stored.StoreId} on {date:yyyy-MM-dd} is already stored in {stored.Currency}; this file gives {currency}.",
                        "$", StoreId: stored.StoreId, BusinessDate: date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                }
            }
        }

        return problems;
    }

    /// <summary>
    /// Opens the uploaded object. S3 URL-encodes the key in its events ("a b+c.json" → "a+b%2Bc.json"); each key the
    /// event's may stand for is tried in turn (<see cref="S3EventKey.Decodings"/>). When none is there, an earlier attempt
    /// may have rejected and moved the file: then the same rejection is thrown again. Each key is asked for with a
    /// listing of it (<see cref="ObjectStoreExtensions.OpenReadIfPresentAsync"/>), because the function may list only
    /// its prefixes, and S3 answers a read of a missing key with 403 to such a caller.
    /// </summary>
    /// <exception cref="ObjectNotFoundException">No such key is there and no rejection of one is recorded.</exception>
    private async Task<(string Key, Stream Content)> OpenAsync(string eventKey, CancellationToken cancellationToken)
    {
        var keys = S3EventKey.Decodings(eventKey);
        foreach (var key in keys)
        {
            if (await objects.OpenReadIfPresentAsync(key, cancellationToken) is { } content)
            {
                return (key, content);
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
