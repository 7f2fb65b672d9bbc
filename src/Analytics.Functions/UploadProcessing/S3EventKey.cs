using System.Net;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Object keys in S3 "Object Created" events. S3 URL-encodes the key it puts in an event notification, as an HTML form
/// does: a space becomes <c>+</c>, a literal <c>+</c> becomes <c>%2B</c>, other reserved bytes <c>%XX</c> ("a b+c.json" →
/// "a+b%2Bc.json"). That is documented for notifications to SQS, SNS and Lambda; for EventBridge the S3 guide does not
/// say, AWS's own Powertools decode its <c>detail.object.key</c> the same way, and reports exist of a percent-only
/// encoding (space <c>%20</c>, <c>+</c> left as is). <see cref="Decodings"/> covers both; see docs/architecture.md.
/// </summary>
public static class S3EventKey
{
    /// <summary>
    /// The keys <paramref name="eventKey"/> may stand for, most likely first, without repeats: decoded as a form
    /// (<c>+</c> is a space), decoded with <c>+</c> kept, and as given (an event written by hand).
    /// </summary>
    public static IReadOnlyList<string> Decodings(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        string[] candidates = [WebUtility.UrlDecode(eventKey), Uri.UnescapeDataString(eventKey), eventKey];
        return [.. candidates.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The key as S3 writes it into an event: each segment form-encoded, <c>/</c> kept.</summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Join('/', key.Split('/').Select(WebUtility.UrlEncode));
    }
}
