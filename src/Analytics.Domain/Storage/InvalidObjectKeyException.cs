namespace Analytics.Domain.Storage;

/// <summary>A key that is empty, absolute, or escapes the store with a '..' segment.</summary>
public sealed class InvalidObjectKeyException(string key, string reason)
    : AnalyticsException($"Object key '{key}' is not allowed: {reason}")
{
    public string Key { get; } = key;
}
