namespace Analytics.Domain.Uploads;

/// <summary>
/// Where upload files and their rejections live in the bucket. Stores put files under <see cref="UploadsPrefix"/>
/// (EventBridge starts upload-processor for that prefix only); a rejected file moves to the same relative key under
/// <see cref="RejectedPrefix"/>, with its error report beside it.
/// </summary>
public static class UploadKeys
{
    public const string UploadsPrefix = "uploads/";
    public const string RejectedPrefix = "rejected/";
    public const string ErrorReportSuffix = ".error.json";

    /// <summary><c>uploads/2025/a.json</c> → <c>rejected/2025/a.json</c>; a key outside uploads/ keeps its whole path.</summary>
    public static string RejectedKey(string uploadKey) =>
        RejectedPrefix + (uploadKey.StartsWith(UploadsPrefix, StringComparison.Ordinal) ? uploadKey[UploadsPrefix.Length..] : uploadKey);

    /// <summary>The error report beside the rejected file: <c>rejected/2025/a.json.error.json</c>.</summary>
    public static string ErrorReportKey(string uploadKey) => RejectedKey(uploadKey) + ErrorReportSuffix;
}
