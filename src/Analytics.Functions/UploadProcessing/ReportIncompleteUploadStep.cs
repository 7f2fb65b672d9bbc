using System.Globalization;
using System.Text;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// upload-processor, state ReportIncompleteUpload: ProcessUpload failed on every attempt (a fault that did not pass, a
/// crash, a Lambda timeout). Nothing of the file is visible to the analysis (its store-days are committed together or
/// not at all); this writes the alert that says which file and which store-days are missing, from the pending-save
/// record ProcessUpload wrote (<see cref="PendingUploads"/>). It only reads.
/// </summary>
public sealed class ReportIncompleteUploadStep(PendingUploads pending)
{
    /// <summary>Store-days the message names before "and N more".</summary>
    internal const int MessageStoreDays = 20;

    [LambdaFunction(ResourceName = "ReportIncompleteUpload", MemorySize = 256, Timeout = 30,
                    Reads = [PendingUploads.Prefix], Lists = [PendingUploads.Prefix])]
    public async Task<IncompleteUploadReport> HandleAsync(IncompleteUploadInput input, CancellationToken cancellationToken)
    {
        var bucket = input.Detail.Bucket.Name;
        PendingUpload? upload = null;
        foreach (var key in S3EventKey.Decodings(input.Detail.Object.Key))
        {
            upload ??= await pending.FindAsync(ProcessUploadStep.UploadId(bucket, key), cancellationToken);
        }

        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"The uploaded sales file {upload?.ObjectKey ?? input.Detail.Object.Key} in bucket {bucket} could not be stored")
            .Append(CultureInfo.InvariantCulture, $" ({input.Failure.Error}). Nothing of it is visible to the daily analysis. ");
        if (upload is null)
        {
            text.Append("It was not read to its end, so which store-days it holds is not known. ");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Its {upload.StoreDays.Count} store-day(s) are missing: ")
                .AppendJoin(", ", upload.StoreDays.Take(MessageStoreDays).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.StoreId} {d.BusinessDate:yyyy-MM-dd}")));
            if (upload.StoreDays.Count > MessageStoreDays)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {upload.StoreDays.Count - MessageStoreDays} more (all in {PendingUploads.Key(upload.UploadId)})");
            }

            text.Append(". ");
        }

        text.Append("Upload the file again under the same name once the cause is fixed: it is then stored, counted once.");
        return new IncompleteUploadReport($"Upload not stored: {Tail(upload?.ObjectKey ?? input.Detail.Object.Key)}", text.ToString());
    }

    /// <summary>The key's last segment, bounded: SNS subjects are at most 100 characters.</summary>
    private static string Tail(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return name.Length <= 70 ? name : name[..69] + "…";
    }
}

/// <summary>upload-processor's input (the S3 event) with ProcessUpload's last error, as the state machine's Catch put it.</summary>
public sealed record IncompleteUploadInput(ObjectCreatedDetail Detail, StepFailure Failure);

/// <summary>The name of a caught error, as Step Functions gives it.</summary>
public sealed record StepFailure(string Error);

/// <summary>The alert to publish.</summary>
public sealed record IncompleteUploadReport(string Subject, string Message);
