namespace Analytics.Domain.Uploads;

/// <summary>
/// Where upload files and their rejections live in the bucket. Files go under <see cref="UploadsPrefix"/>
/// (EventBridge starts upload-processor for that prefix only): a store's under <c>uploads/&lt;store_id&gt;/</c>, the
/// only folder its credentials may write to, and may hold that store's sales only; head office's directly under
/// <c>uploads/</c>, for any store. A rejected file moves to the same relative key under <see cref="RejectedPrefix"/>,
/// with its error report beside it.
/// </summary>
public static class UploadKeys
{
    public const string UploadsPrefix = "uploads/";
    public const string RejectedPrefix = "rejected/";
    public const string ErrorReportSuffix = ".error.json";

    /// <summary>
    /// The store whose folder holds <paramref name="uploadKey"/>: the first folder under <c>uploads/</c>
    /// (<c>uploads/store-0042/2025/01/a.json</c> → <c>store-0042</c>). Null for a file directly under <c>uploads/</c>
    /// (head office's, any store) and for a key outside it.
    /// </summary>
    public static string? OwningStore(string uploadKey)
    {
        if (!uploadKey.StartsWith(UploadsPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = uploadKey.IndexOf('/', UploadsPrefix.Length);
        return end < 0 ? null : uploadKey[UploadsPrefix.Length..end];
    }

    /// <summary><c>uploads/2025/a.json</c> → <c>rejected/2025/a.json</c>; a key outside uploads/ keeps its whole path.</summary>
    public static string RejectedKey(string uploadKey) =>
        RejectedPrefix + (uploadKey.StartsWith(UploadsPrefix, StringComparison.Ordinal) ? uploadKey[UploadsPrefix.Length..] : uploadKey);

    /// <summary>The error report beside the rejected file: <c>rejected/2025/a.json.error.json</c>.</summary>
    public static string ErrorReportKey(string uploadKey) => RejectedKey(uploadKey) + ErrorReportSuffix;
}
