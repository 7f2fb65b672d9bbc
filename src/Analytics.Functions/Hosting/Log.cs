using Microsoft.Extensions.Logging;

namespace Analytics.Functions.Hosting;

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
}
