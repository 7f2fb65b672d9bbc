using System.Text.Json;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Rejects upload files: writes the error report to <c>rejected/&lt;key&gt;.error.json</c>, then moves the file
/// beside it. The report is written first so that a retry after a crash between the two finds it, and a retry
/// after the move answers with the same rejection instead of "not found".
/// </summary>
public sealed class RejectionReports(IObjectStore objects, TimeProvider time)
{
    public async Task RejectAsync(string key, InvalidUploadException rejection, CancellationToken cancellationToken)
    {
        var report = new RejectionReport(key, UploadKeys.RejectedKey(key), time.GetUtcNow(), rejection.TotalProblems, rejection.Problems);
        using var body = new MemoryStream();
        await JsonSerializer.SerializeAsync(body, report, StepJsonContext.Default.RejectionReport, cancellationToken);
        body.Position = 0;
        await objects.WriteAsync(UploadKeys.ErrorReportKey(key), body, "application/json", cancellationToken);
        await objects.MoveAsync(key, report.RejectedKey, cancellationToken);
    }

    /// <summary>The rejection an earlier attempt recorded for <paramref name="key"/>, or null (asked with a listing of the
    /// report's exact key: <see cref="ObjectStoreExtensions.OpenReadIfPresentAsync"/>).</summary>
    public async Task<InvalidUploadException?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (await objects.OpenReadIfPresentAsync(UploadKeys.ErrorReportKey(key), cancellationToken) is not { } body)
        {
            return null;
        }

        await using (body)
        {
            var report = await JsonSerializer.DeserializeAsync(body, StepJsonContext.Default.RejectionReport, cancellationToken);
            return report is null ? null : new InvalidUploadException(key, report.Problems, report.TotalProblems);
        }
    }
}

/// <summary>The error report stored beside a rejected file.</summary>
public sealed record RejectionReport(
    string ObjectKey,
    string RejectedKey,
    DateTimeOffset RejectedAt,
    int TotalProblems,
    IReadOnlyList<UploadProblem> Problems);
