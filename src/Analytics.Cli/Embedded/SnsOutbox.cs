using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using StatesLanguage;
using StatesLanguage.Errors;

namespace Analytics.Cli.Embedded;

/// <summary>
/// <c>arn:aws:states:::sns:publish</c> for local runs: each message becomes a text file
/// <c>&lt;outbox&gt;/&lt;topic name&gt;/&lt;UTC time&gt;-&lt;message id&gt;.txt</c> (headers, a blank line, the body), and the task
/// gets the result shape AWS returns (<c>MessageId</c>, <c>SdkHttpMetadata</c>, <c>SdkResponseMetadata</c>).
/// </summary>
internal sealed class SnsOutbox(string outboxDirectory, TimeProvider time) : ITaskInvoker
{
    public const string PublishResource = "arn:aws:states:::sns:publish";

    public string Directory { get; } = outboxDirectory;

    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        var parameters = invocation.Parameters as JsonObject;
        var topicArn = Text(parameters, "TopicArn")
            ?? throw new TaskFailedException("SNS.InvalidParameterException", "Invalid parameter: TopicArn is required.");
        var message = parameters!["Message"] switch
        {
            null => throw new TaskFailedException("SNS.InvalidParameterException", "Invalid parameter: Message is required."),
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        var subject = Text(parameters, "Subject");
        if (Encoding.UTF8.GetByteCount(message) > 262_144)
        {
            throw new TaskFailedException("SNS.InvalidParameterException", "Invalid parameter: Message too long");
        }

        var messageId = Guid.NewGuid().ToString();
        var now = time.GetUtcNow();
        var topicName = topicArn[(topicArn.LastIndexOf(':') + 1)..];
        var folder = System.IO.Directory.CreateDirectory(Path.Combine(Directory, topicName));
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Topic: {topicArn}\n")
            .Append(CultureInfo.InvariantCulture, $"MessageId: {messageId}\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {now:O}\n")
            .Append(CultureInfo.InvariantCulture, $"Subject: {subject}\n\n")
            .Append(message);
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"{now:yyyyMMdd'T'HHmmssfff'Z'}-{messageId}.txt"), body.ToString(), cancellationToken);
        return Result(messageId, now);
    }

    private static string? Text(JsonObject? parameters, string name) =>
        parameters?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JsonObject Result(string messageId, DateTimeOffset now)
    {
        var requestId = Guid.NewGuid().ToString();
        var date = now.ToString("r", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["MessageId"] = messageId,
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["x-amzn-RequestId"] = new JsonArray(requestId),
                    ["Content-Length"] = new JsonArray("294"),
                    ["Date"] = new JsonArray(date),
                    ["Content-Type"] = new JsonArray("text/xml"),
                },
                ["HttpHeaders"] = new JsonObject
                {
                    ["Content-Length"] = "294",
                    ["Content-Type"] = "text/xml",
                    ["Date"] = date,
                    ["x-amzn-RequestId"] = requestId,
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
        };
    }
}
