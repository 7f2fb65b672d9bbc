namespace Analytics.Functions.Aws;

/// <summary>
/// Bedrock's InvokeModel for Claude requires <c>anthropic_version: "bedrock-2023-05-31"</c> in the body. Anthropic.Bedrock
/// 1.0.6 fills that field from the request's <c>anthropic-version</c> header, which the core SDK sets to its own
/// Anthropic API version (<c>2026-10-21</c>); this handler, run before the SDK's Bedrock adaptation (and so covered by
/// its signature), sets the header to the Bedrock value. Found by the fake Bedrock endpoint's body check.
/// </summary>
internal sealed class BedrockVersionHandler : DelegatingHandler
{
    public const string Header = "anthropic-version";
    public const string BedrockVersion = "bedrock-2023-05-31";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Remove(Header);
        request.Headers.TryAddWithoutValidation(Header, BedrockVersion);
        return base.SendAsync(request, cancellationToken);
    }
}
