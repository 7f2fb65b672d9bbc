namespace Analytics.Domain.Storage;

/// <summary>A key the store cannot hold: empty, absolute, escaping the store with a '..' segment, or otherwise refused.</summary>
public sealed class InvalidObjectKeyException(string key, string reason)
    : AnalyticsException($"Object key '{key}' is not allowed: {reason}")
{
    public string Key { get; } = key;

    /// <summary>Why the key is refused, e.g. "it contains a control character".</summary>
    public string Reason { get; } = reason;
}
