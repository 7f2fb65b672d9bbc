using System.Text.Json.Serialization;

namespace Analytics.Domain.AiReview;

/// <summary>
/// The prompt's facts and the model's answer. The default encoder escapes <c>&lt; &gt; &amp; ' "</c> and non-ASCII text,
/// so no uploaded name can close the prompt's data block or smuggle in look-alike markup.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(PromptData))]
[JsonSerializable(typeof(ModelAnswer))]
internal sealed partial class AiReviewJsonContext : JsonSerializerContext;

/// <summary>The data block of the prompt.</summary>
internal sealed record PromptData(string Date, string Currency, IReadOnlyList<PromptFact> Facts);
