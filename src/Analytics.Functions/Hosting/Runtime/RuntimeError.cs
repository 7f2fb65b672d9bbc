using System.Text.Json;

namespace Analytics.Functions.Hosting.Runtime;

/// <summary>
/// The Lambda error document (<c>application/vnd.aws.lambda.error+json</c>): <c>errorType</c>, <c>errorMessage</c>,
/// <c>stackTrace</c>. Step Functions takes <c>errorType</c> as the error name its <c>Retry</c> and <c>Catch</c> match,
/// and the whole document as the cause.
/// </summary>
public sealed record RuntimeError(string ErrorType, string ErrorMessage, IReadOnlyList<string> StackTrace)
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>Frames kept of a stack trace: enough to find the throw, bounded so the cause stays readable.</summary>
    private const int MaxFrames = 40;

    /// <summary>The exception's short type name is the error name, as the managed .NET runtime reports it.</summary>
    public static RuntimeError From(Exception exception) => new(
        exception.GetType().Name,
        exception.Message,
        [.. (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxFrames)]);

    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", ErrorType);
            writer.WriteString("errorMessage", ErrorMessage);
            writer.WriteStartArray("stackTrace");
            foreach (var frame in StackTrace)
            {
                writer.WriteStringValue(frame);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
