namespace Analytics.Domain.Storage;

/// <summary>The object store has no object with the key.</summary>
public sealed class ObjectNotFoundException(string key, Exception? inner = null)
    : AnalyticsException($"No object has the key '{key}'.", inner)
{
    public string Key { get; } = key;
}
