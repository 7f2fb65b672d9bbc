using StatesLanguage.Server.Api;

namespace StatesLanguage.Server.Executions;

/// <summary>Writes an <see cref="ExecutionEvent"/> in GetExecutionHistory's shape (botocore's <c>HistoryEvent</c>):
/// <c>timestamp</c> (epoch seconds), <c>type</c>, <c>id</c>, <c>previousEventId</c> and the one <c>*EventDetails</c>
/// member of its type. Input and output are JSON text; without execution data they are left out.</summary>
public static class AwsHistoryEvent
{
    private const string ServiceIntegrationPrefix = "arn:aws:states:::";

    public static JsonObject Write(ExecutionEvent e, string roleArn, string region, bool includeExecutionData)
    {
        ArgumentNullException.ThrowIfNull(e);
        var node = new JsonObject
        {
            ["timestamp"] = AwsJson.Timestamp(e.Timestamp),
            ["type"] = e.Type,
            ["id"] = e.Id,
            ["previousEventId"] = e.PreviousEventId,
        };
        var (member, details) = Details(e, roleArn, region, includeExecutionData);
        if (member is not null)
            node[member] = details;
        return node;
    }

    private static (string? Member, JsonObject? Details) Details(ExecutionEvent e, string roleArn, string region, bool data)
    {
        switch (e.Type)
        {
            case "ExecutionStarted":
                return ("executionStartedEventDetails", WithData(new JsonObject(), "input", e.Input, data, roleArn: roleArn));
            case "ExecutionSucceeded":
                return ("executionSucceededEventDetails", WithData(new JsonObject(), "output", e.Output, data));
            case "ExecutionFailed" or "ExecutionAborted" or "ExecutionTimedOut":
                return (Lower(e.Type) + "EventDetails", ErrorDetails(new JsonObject(), e));
            case "TaskScheduled":
            {
                var details = ServiceDetails(e.Resource);
                details["region"] = region;
                details["parameters"] = AwsJson.Text(e.Input);
                return ("taskScheduledEventDetails", details);
            }
            case "TaskStarted":
                return ("taskStartedEventDetails", ServiceDetails(e.Resource));
            case "TaskSucceeded":
                return ("taskSucceededEventDetails", WithData(ServiceDetails(e.Resource), "output", e.Output, data));
            case "TaskFailed" or "TaskTimedOut":
                return (Lower(e.Type) + "EventDetails", ErrorDetails(ServiceDetails(e.Resource), e));
            case "LambdaFunctionScheduled":
                return ("lambdaFunctionScheduledEventDetails", WithData(new JsonObject { ["resource"] = e.Resource ?? "" }, "input", e.Input, data));
            case "LambdaFunctionSucceeded":
                return ("lambdaFunctionSucceededEventDetails", WithData(new JsonObject(), "output", e.Output, data));
            case "LambdaFunctionFailed" or "LambdaFunctionTimedOut":
                return (Lower(e.Type) + "EventDetails", ErrorDetails(new JsonObject(), e));
            case "MapStateStarted":
                return ("mapStateStartedEventDetails", new JsonObject { ["length"] = e.Length ?? 0 });
            case "MapIterationStarted" or "MapIterationSucceeded" or "MapIterationFailed" or "MapIterationAborted":
                return (Lower(e.Type) + "EventDetails", new JsonObject { ["name"] = e.StateName ?? "", ["index"] = e.Index ?? 0 });
        }
        if (e.Type.EndsWith("StateEntered", StringComparison.Ordinal))
            return ("stateEnteredEventDetails", WithData(new JsonObject { ["name"] = e.StateName ?? "" }, "input", e.Input, data));
        if (e.Type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            var details = WithData(new JsonObject { ["name"] = e.StateName ?? "" }, "output", e.Output, data);
            if (e.AssignedVariables is { } assigned)
            {
                var variables = new JsonObject();
                foreach (var (name, value) in assigned)
                    variables[name] = value;
                details["assignedVariables"] = variables;
                details["assignedVariablesDetails"] = new JsonObject { ["truncated"] = false };
            }
            return ("stateExitedEventDetails", details);
        }
        return (null, null); // LambdaFunctionStarted, Parallel/Map state started/succeeded/failed have no details
    }

    private static string Lower(string type) => char.ToLowerInvariant(type[0]) + type[1..];

    private static JsonObject WithData(JsonObject details, string member, JsonNode? value, bool data, string? roleArn = null)
    {
        if (data)
        {
            details[member] = AwsJson.Text(value);
            details[member + "Details"] = new JsonObject { ["truncated"] = false };
        }
        if (roleArn is not null)
            details["roleArn"] = roleArn;
        return details;
    }

    private static JsonObject ErrorDetails(JsonObject details, ExecutionEvent e)
    {
        if (e.Error is not null)
            details["error"] = e.Error;
        if (e.Cause is not null)
            details["cause"] = e.Cause;
        return details;
    }

    /// <summary>A service integration's resourceType and resource: <c>arn:aws:states:::lambda:invoke</c> is
    /// (<c>lambda</c>, <c>invoke</c>), <c>arn:aws:states:::aws-sdk:s3:getObject</c> is (<c>aws-sdk:s3</c>,
    /// <c>getObject</c>); any other resource (an activity) is its ARN's resource type and the whole ARN.</summary>
    private static JsonObject ServiceDetails(string? resource)
    {
        resource ??= "";
        string type, name;
        if (resource.StartsWith(ServiceIntegrationPrefix, StringComparison.Ordinal))
        {
            var rest = resource[ServiceIntegrationPrefix.Length..];
            var split = rest.LastIndexOf(':');
            (type, name) = split < 0 ? (rest, rest) : (rest[..split], rest[(split + 1)..]);
        }
        else
        {
            var parts = resource.Split(':');
            (type, name) = (parts.Length > 5 ? parts[5] : parts.Length > 2 ? parts[2] : resource, resource);
        }
        return new JsonObject { ["resourceType"] = type, ["resource"] = name };
    }
}
