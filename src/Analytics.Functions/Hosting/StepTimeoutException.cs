using Analytics.Domain;

namespace Analytics.Functions.Hosting;

/// <summary>
/// The step did not finish before its invocation's deadline. Reported by the runtime itself shortly before Lambda
/// would stop the function (which Step Functions would only see as <c>Lambda.Unknown</c>), so the state machine's
/// retry sees a named, transient error.
/// </summary>
public sealed class StepTimeoutException(string step, TimeSpan budget, bool stopped)
    : AnalyticsException(stopped
        ? $"Step {step} did not finish within {budget.TotalSeconds:F1} s, the time left before the invocation's deadline; it was cancelled."
        : $"Step {step} did not finish within {budget.TotalSeconds:F1} s, the time left before the invocation's deadline, and did not stop when cancelled; the runtime exits so that it cannot go on.");
