using Analytics.Domain;

namespace Analytics.Functions.Hosting;

/// <summary>The state input given to a step is not the JSON its request record expects. Not worth retrying.</summary>
public sealed class InvalidStepInputException(string step, string reason, Exception? inner = null)
    : AnalyticsException($"Input of step {step} is invalid: {reason}", inner);
