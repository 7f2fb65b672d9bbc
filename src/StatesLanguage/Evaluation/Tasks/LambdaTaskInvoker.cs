using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation.Tasks;

/// <summary>Lambda resources: <c>arn:aws:states:::lambda:invoke</c> (Parameters give FunctionName and Payload; the
/// result is the whole invoke response) and plain function ARNs (the effective input is the payload; the result is
/// the function output). A function error fails the task with Error = the error type and Cause = the Lambda error
/// document as a JSON string, in the order the Lambda .NET runtime writes it: <c>{"errorType","errorMessage","stackTrace"}</c>.</summary>
public sealed class LambdaTaskInvoker(ILambdaFunctionInvoker functions, TimeProvider? timeProvider = null) : ITaskInvoker
{
    public const string InvokeResource = "arn:aws:states:::lambda:invoke";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public async Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var optimised = invocation.Resource.StartsWith(InvokeResource, StringComparison.Ordinal);
        string functionName;
        JsonNode? payload;
        if (optimised)
        {
            var parameters = invocation.Parameters as JsonObject;
            if (parameters?["FunctionName"] is not JsonValue name || !JsonData.TryGetString(name, out var text))
                throw new TaskFailedException("States.Runtime", "The lambda:invoke parameters must contain a string 'FunctionName'.");
            functionName = text;
            payload = parameters["Payload"];
        }
        else
        {
            functionName = invocation.Resource;
            payload = invocation.Parameters;
        }
        var result = await functions.InvokeAsync(functionName, JsonData.Clone(payload), cancellationToken);
        if (result.IsError)
            throw new TaskFailedException(result.ErrorType!, ErrorDocument(result));
        return optimised ? InvokeResponse(result.Payload) : result.Payload;
    }

    private static string ErrorDocument(LambdaFunctionResult result)
    {
        var trace = new JsonArray();
        foreach (var line in result.StackTrace)
            trace.Add(line);
        return JsonData.Serialize(new JsonObject
        {
            ["errorType"] = result.ErrorType,
            ["errorMessage"] = result.ErrorMessage,
            ["stackTrace"] = trace,
        });
    }

    private JsonObject InvokeResponse(JsonNode? payload)
    {
        var requestId = Guid.NewGuid().ToString();
        var length = System.Text.Encoding.UTF8.GetByteCount(JsonData.Serialize(payload)).ToString(CultureInfo.InvariantCulture);
        var date = _time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = JsonData.Clone(payload),
            ["SdkHttpMetadata"] = new JsonObject
            {
                ["AllHttpHeaders"] = new JsonObject
                {
                    ["X-Amz-Executed-Version"] = new JsonArray("$LATEST"),
                    ["x-amzn-Remapped-Content-Length"] = new JsonArray("0"),
                    ["Connection"] = new JsonArray("keep-alive"),
                    ["x-amzn-RequestId"] = new JsonArray(requestId),
                    ["Content-Length"] = new JsonArray(length),
                    ["Date"] = new JsonArray(date),
                    ["Content-Type"] = new JsonArray("application/json"),
                },
                ["HttpHeaders"] = new JsonObject
                {
                    ["Connection"] = "keep-alive",
                    ["Content-Length"] = length,
                    ["Content-Type"] = "application/json",
                    ["Date"] = date,
                    ["X-Amz-Executed-Version"] = "$LATEST",
                    ["x-amzn-Remapped-Content-Length"] = "0",
                    ["x-amzn-RequestId"] = requestId,
                },
                ["HttpStatusCode"] = 200,
            },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
            ["StatusCode"] = 200,
        };
    }
}
