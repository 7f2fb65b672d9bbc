namespace Analytics.Domain.AiReview;

/// <summary>
/// The AI model of the analysis steps, bound from section <c>Model</c> (<c>Model__Id</c>, …). No <see cref="Id"/>: no
/// model, statistics only.
/// </summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>The Bedrock model id or inference profile (or the model name of an OpenAI-compatible server).</summary>
    public string? Id { get; set; }

    /// <summary>A Bedrock-compatible endpoint instead of the region's (tests, local servers).</summary>
    public string? Endpoint { get; set; }

    /// <summary>How long one model call may take before it counts as <see cref="ModelTimeoutException"/>.</summary>
    public double TimeoutSeconds { get; set; } = 60;

    /// <summary>The most tokens one answer may have.</summary>
    public int MaxOutputTokens { get; set; } = 2000;
}
