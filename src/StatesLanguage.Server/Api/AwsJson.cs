using System.Text.Encodings.Web;
using System.Text.Json;

namespace StatesLanguage.Server.Api;

/// <summary>Values as the AWS JSON 1.0 protocol writes them.</summary>
public static class AwsJson
{
    /// <summary>Compact, with non-ASCII characters written as they are (as AWS writes state data).</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A timestamp: epoch seconds, with milliseconds as the fraction.</summary>
    public static JsonNode Timestamp(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000.0);

    /// <summary>State data (execution input, output, task parameters) as the JSON text AWS sends in a string member.</summary>
    public static string Text(JsonNode? value) => value?.ToJsonString(Compact) ?? "null";
}
