namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// An invalid upload and the first problem it must produce. <see cref="At"/>, when given, is a text whose first
/// occurrence in <see cref="Json"/> starts at the token the problem points to (line and column are checked).
/// </summary>
internal sealed record MalformedUpload(string Json, string Code, string Path, string? At = null, string? TransactionId = null);
