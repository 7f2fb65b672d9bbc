using Microsoft.Extensions.Logging;

namespace Analytics.Functions;

/// <summary>Every log message of the Lambda assembly, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Step {Step} started")]
    public static partial void StepStarted(ILogger logger, string step);

    [LoggerMessage(2, LogLevel.Information, "Step {Step} succeeded in {ElapsedMs:F0} ms")]
    public static partial void StepSucceeded(ILogger logger, string step, double elapsedMs);

    [LoggerMessage(3, LogLevel.Error, "Step {Step} failed with {Error} after {ElapsedMs:F0} ms")]
    public static partial void StepFailed(ILogger logger, Exception exception, string step, string error, double elapsedMs);

    [LoggerMessage(4, LogLevel.Error, "Step {Step} did not stop when cancelled at its deadline; reporting a timeout and ending the process")]
    public static partial void StepAbandoned(ILogger logger, string step);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "BatchWriteItem on {Table} left {Unprocessed} item(s) unprocessed (call {Attempt}); resending in {DelayMs} ms")]
    public static partial void BatchWriteUnprocessed(ILogger logger, string table, int unprocessed, int attempt, long delayMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "BatchGetItem on {Table} left {Unprocessed} key(s) unprocessed (call {Attempt}); resending in {DelayMs} ms")]
    public static partial void BatchGetUnprocessed(ILogger logger, string table, int unprocessed, int attempt, long delayMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug,
        Message = "Staged {Records} store-day record(s) of upload {UploadId} in {Table} with {Parts} SKU part(s)")]
    public static partial void SalesStaged(ILogger logger, string table, string uploadId, int records, int parts);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug,
        Message = "Committed upload {UploadId} on {Dates} date(s) of {Table}: {StoreDays} store-day(s), {Superseded} superseded record(s) and {Parts} of their SKU part(s) deleted")]
    public static partial void SalesCommitted(ILogger logger, string table, string uploadId, int dates, int storeDays, int superseded, int parts);

    /// <summary>Written once per rejected file, when ProcessUpload rejects it (not when a retry finds the earlier
    /// rejection): the template's rejected-uploads metric filter counts the lines holding
    /// <see cref="UploadProcessing.ProcessUploadStep.RejectedLogMarker"/>.</summary>
    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = UploadProcessing.ProcessUploadStep.RejectedLogMarker + " {ObjectKey} of store(s) {StoreIds}: {TotalProblems} problem(s)")]
    public static partial void UploadRejected(ILogger logger, string objectKey, string storeIds, int totalProblems);

    /// <summary>A temporary file left by a process that ended before deleting it (timeout, out of memory, crash).</summary>
    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "Deleted stale temporary file {Path}, last written {AgeMinutes:F0} minutes ago")]
    public static partial void StaleTempFileDeleted(ILogger logger, string path, double ageMinutes);

    /// <summary>CheckUploads' finding (<see cref="Domain.Analysis.UploadCheck.Describe"/>), each time it checks.</summary>
    [LoggerMessage(EventId = 1009, Level = LogLevel.Information, Message = "Uploads of {Date}: {Outcome}")]
    public static partial void UploadsChecked(ILogger logger, DateOnly date, string outcome);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Could not delete stale temporary file(s) at {Path}: {Reason}")]
    public static partial void StaleTempFileNotDeleted(ILogger logger, string path, string reason);
}
