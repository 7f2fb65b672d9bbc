using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Which file is being stored, and its store-days: <c>pending/&lt;upload id&gt;.json</c>, written before the first
/// store-day is written and deleted once the file is committed. One still there names a save that has not finished
/// (yet): when its execution gives up, <see cref="ReportIncompleteUploadStep"/> tells the alerts topic which file and
/// which store-days are not stored.
/// </summary>
public sealed class PendingUploads(IObjectStore objects)
{
    public const string Prefix = "pending/";

    public static string Key(string uploadId) => Prefix + uploadId + ".json";

    public async Task WriteAsync(PendingUpload upload, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await JsonSerializer.SerializeAsync(body, upload, StepJsonContext.Default.PendingUpload, cancellationToken);
        body.Position = 0;
        await objects.WriteAsync(Key(upload.UploadId), body, "application/json", cancellationToken);
    }

    /// <summary>The pending save of <paramref name="uploadId"/>; null when none is recorded.</summary>
    public async Task<PendingUpload?> FindAsync(string uploadId, CancellationToken cancellationToken)
    {
        if (await objects.OpenReadIfPresentAsync(Key(uploadId), cancellationToken) is not { } body)
        {
            return null;
        }

        await using (body)
        {
            return await JsonSerializer.DeserializeAsync(body, StepJsonContext.Default.PendingUpload, cancellationToken);
        }
    }

    public Task DeleteAsync(string uploadId, CancellationToken cancellationToken) => objects.DeleteAsync(Key(uploadId), cancellationToken);
}

/// <summary>A file whose store-days are being stored.</summary>
public sealed record PendingUpload(string UploadId, string ObjectKey, DateTimeOffset StartedAt, IReadOnlyList<StoreDayKey> StoreDays);
