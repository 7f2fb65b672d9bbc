namespace Analytics.Domain.Uploads;

/// <summary>A 1-based line and column (UTF-8 bytes) in an upload file.</summary>
internal readonly record struct UploadLocation(long Line, long Column);
