using Microsoft.Extensions.Logging;

namespace Analytics.Functions;

/// <summary>Every log message of the Lambda assembly, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "BatchWriteItem on {Table} left {Unprocessed} item(s) unprocessed (call {Attempt}); resending in {DelayMs} ms")]
    public static partial void BatchWriteUnprocessed(ILogger logger, string table, int unprocessed, int attempt, long delayMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "BatchGetItem on {Table} left {Unprocessed} key(s) unprocessed (call {Attempt}); resending in {DelayMs} ms")]
    public static partial void BatchGetUnprocessed(ILogger logger, string table, int unprocessed, int attempt, long delayMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug,
        Message = "Saved {Contributions} contribution(s) to {Table}: {Parts} SKU part(s) written, {StaleParts} stale part(s) deleted")]
    public static partial void SalesSaved(ILogger logger, string table, int contributions, int parts, int staleParts);
}
