namespace Analytics.Functions.Hosting.Runtime;

/// <summary>One event handed out by the Lambda Runtime API's <c>invocation/next</c>, with the headers that come with it.</summary>
/// <param name="RequestId"><c>Lambda-Runtime-Aws-Request-Id</c>: where the response or error goes.</param>
/// <param name="Deadline"><c>Lambda-Runtime-Deadline-Ms</c>: when Lambda stops the function.</param>
/// <param name="FunctionArn"><c>Lambda-Runtime-Invoked-Function-Arn</c>.</param>
/// <param name="TraceId"><c>Lambda-Runtime-Trace-Id</c>: the X-Ray header, set as <c>_X_AMZN_TRACE_ID</c> for the invocation.</param>
/// <param name="Event">The event's bytes (JSON).</param>
public sealed record Invocation(string RequestId, DateTimeOffset Deadline, string? FunctionArn, string? TraceId, byte[] Event);
