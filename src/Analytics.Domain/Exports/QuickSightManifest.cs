using System.Text.Json;

namespace Analytics.Domain.Exports;

/// <summary>
/// A dataset's Amazon QuickSight S3 manifest:
/// <c>{"fileLocations":[{"URIPrefixes":["s3://bucket/exports/quicksight/{dataset}/"]}],"globalUploadSettings":{"format":"JSON"}}</c>.
/// </summary>
/// <remarks>
/// What this rests on, from the QuickSight user guide page "Supported formats for Amazon S3 manifest files"
/// (docs.aws.amazon.com/quicksight/latest/user/supported-manifest-file-format.html):
/// <list type="bullet">
/// <item>a QuickSight-format manifest has <c>fileLocations</c> (an array of objects holding <c>URIs</c> and/or
/// <c>URIPrefixes</c> arrays, at least one value in all) and an optional <c>globalUploadSettings</c>; its own key must
/// end in <c>.json</c>; the page's examples include the <c>s3://bucket/</c> prefix form;</item>
/// <item><c>format</c> accepts CSV, TSV, CLF, ELF and JSON; for JSON files only <c>format</c> is given, not
/// <c>delimiter</c>, <c>textqualifier</c> or <c>containsHeader</c>;</item>
/// <item>files are read as UTF-8 without a byte-order mark, and all files of one manifest must have the same format
/// and the same number and types of columns (hence every row writes every column, null when empty);</item>
/// <item>every file under a URI prefix is imported, and the current page says child folders are read recursively
/// (an older revision said they were not), which is what lets one prefix cover every <c>dt=</c> partition;</item>
/// <item>an older revision also capped a manifest at 1,000 files, 1 GB per file and 10 GB in all.</item>
/// </list>
/// The page does not say whether JSON means one document or newline-delimited objects; we write NDJSON as the
/// product requires, which is to be checked on a real QuickSight account.
/// </remarks>
internal static class QuickSightManifest
{
    public const string ContentType = "application/json";

    public static byte[] For(string bucketName, string dataset)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("fileLocations");
            json.WriteStartObject();
            json.WriteStartArray("URIPrefixes");
            json.WriteStringValue($"s3://{bucketName}/{QuickSightKeys.DatasetPrefix(dataset)}");
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteStartObject("globalUploadSettings");
            json.WriteString("format", "JSON");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
