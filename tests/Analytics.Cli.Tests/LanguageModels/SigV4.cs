using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Analytics.Cli.Tests.LanguageModels;

/// <summary>
/// Checks an AWS Signature Version 4 <c>Authorization</c> header the way the service does: recomputes the canonical
/// request from the request as received (the signed headers' values, the path, the body's SHA-256) and the signature
/// with the secret.
/// </summary>
public static partial class SigV4
{
    public sealed record Check(bool WellFormed, string? AccessKey, string? Region, string? Service, bool BodyHashMatches, bool SignatureMatches, string Detail);

    public static Check Verify(HttpRequest request, byte[] body, Func<string, string?> secretOf)
    {
        var authorization = request.Headers.Authorization.ToString();
        var match = AuthorizationPattern().Match(authorization);
        if (!match.Success)
        {
            return new Check(false, null, null, null, false, false, $"not a SigV4 Authorization header: '{authorization}'");
        }

        var (accessKey, date, region, service) = (match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        var signedHeaders = match.Groups["headers"].Value.Split(';');
        var amzDate = request.Headers["x-amz-date"].ToString();
        var bodyHash = Hex(SHA256.HashData(body));
        var bodyHashMatches = request.Headers["x-amz-content-sha256"].ToString() == bodyHash;
        var canonicalHeaders = string.Concat(signedHeaders.Select(h => $"{h}:{Header(request, h)}\n"));
        var path = string.Join('/', request.Path.Value!.Split('/').Select(Uri.EscapeDataString));
        var canonical = $"{request.Method}\n{path}\n{request.QueryString.Value?.TrimStart('?') ?? ""}\n{canonicalHeaders}\n{string.Join(';', signedHeaders)}\n{bodyHash}";
        var scope = $"{date}/{region}/{service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))}";
        var secret = secretOf(accessKey);
        var signatureMatches = false;
        if (secret is not null)
        {
            var key = Hmac(Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("AWS4" + secret), date), region), service), "aws4_request");
            signatureMatches = CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(Hex(Hmac(key, toSign))), Encoding.ASCII.GetBytes(match.Groups["signature"].Value));
        }

        var wellFormed = amzDate.StartsWith(date, StringComparison.Ordinal) && signedHeaders.Contains("host") && signedHeaders.Contains("x-amz-date");
        return new Check(wellFormed, accessKey, region, service, bodyHashMatches, signatureMatches, canonical);
    }

    private static string Header(HttpRequest request, string name) =>
        string.Join(',', request.Headers[name].Select(v => v?.Trim() ?? "")).Trim();

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[^/]+)/(?<date>\d{8})/(?<region>[^/]+)/(?<service>[^/]+)/aws4_request, ?SignedHeaders=(?<headers>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationPattern();
}
