namespace Analytics.Domain.Storage;

/// <summary>An object as a listing shows it.</summary>
public sealed record StoredObject(string Key, long Size, DateTimeOffset LastModified);
