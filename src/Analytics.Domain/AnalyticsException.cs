namespace Analytics.Domain;

/// <summary>
/// Base of every domain error. The short type name of a subclass is the error name Step Functions sees
/// (the Lambda runtime reports <c>exception.GetType().Name</c>), so renaming one breaks ASL Retry/Catch rules.
/// </summary>
public abstract class AnalyticsException(string message, Exception? inner = null) : Exception(message, inner);
