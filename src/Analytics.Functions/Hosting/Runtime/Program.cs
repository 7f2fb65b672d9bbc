namespace Analytics.Functions.Hosting.Runtime;

/// <summary>
/// The function's process. The managed <c>dotnet10</c> runtime starts it as an executable assembly (handler
/// <c>Analytics.Functions</c>, without <c>::</c>): <c>dotnet exec /var/task/Analytics.Functions.dll</c>, with
/// <c>AWS_LAMBDA_RUNTIME_API</c> set and <c>ANALYTICS_STEP</c> naming the step (from the template).
/// </summary>
public static class Program
{
    public static async Task<int> Main()
    {
        var endpoint = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(endpoint))
        {
            await Console.Error.WriteLineAsync(
                "AWS_LAMBDA_RUNTIME_API is not set: this program is a Lambda function and runs under the Lambda runtime. " +
                "To run a step locally, use 'analytics invoke STEP --event FILE'.");
            return 2;
        }

        try
        {
            using var api = new RuntimeApiClient(endpoint);
            return await new LambdaRuntime(api, TimeProvider.System)
                .RunAsync(() => LambdaHost.Create(Environment.GetEnvironmentVariable(LambdaHost.StepVariable)), CancellationToken.None);
        }
        catch (Exception exception) when (exception is RuntimeApiException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync($"The Runtime API failed: {exception.Message}");
            return 1;
        }
    }
}
