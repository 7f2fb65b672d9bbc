using Microsoft.Extensions.Logging;

namespace Analytics.Cli;

/// <summary>Every log message of the command line's own code, source-generated.</summary>
internal static partial class Log
{
    /// <summary>A temp file of the folder store left by a process that ended mid-write.</summary>
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Deleted stale temporary file {Path}")]
    public static partial void StaleTempFileDeleted(ILogger logger, string path);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Could not delete stale temporary file(s) at {Path}: {Reason}")]
    public static partial void StaleTempFileNotDeleted(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Event invocation of {Function} failed: {ErrorType}: {ErrorMessage}")]
    public static partial void EventInvocationFailed(ILogger logger, string function, string? errorType, string? errorMessage);
}
