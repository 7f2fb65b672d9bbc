using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage.Evaluation.Tasks;

namespace Analytics.Cli.Workflows;

/// <summary>
/// Lambda functions run in this process: a function ARN (or name) names a step by its resource name, and the step
/// runs through the same <see cref="StepInvoker"/> as the deployed entry point. An exception becomes a function error
/// whose type is the exception's short type name, as the Lambda runtime reports it. A step runs with the host's
/// services, or with those a registered <see cref="FunctionServices"/> gives its function.
/// </summary>
internal sealed class InProcessFunctions(IServiceProvider services) : ILambdaFunctionInvoker
{
    private readonly ConcurrentDictionary<string, StepInvoker> _invokers = new(StringComparer.Ordinal);

    public async Task<LambdaFunctionResult> InvokeAsync(string functionName, JsonNode? payload, CancellationToken cancellationToken)
    {
        var resourceName = ResourceName(functionName);
        if (StepCatalog.All.FirstOrDefault(s => s.Function.ResourceName == resourceName) is not { } step)
        {
            return LambdaFunctionResult.Failure("Lambda.ResourceNotFoundException", $"Function not found: {functionName}");
        }

        var invoker = _invokers.GetOrAdd(resourceName, _ => new StepInvoker(services.GetService<FunctionServices>()?.Invoke(step) ?? services, step));
        using var request = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload?.ToJsonString() ?? "null"));
        using var response = new MemoryStream();
        try
        {
            await invoker.InvokeAsync(request, response, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return LambdaFunctionResult.Failure(exception.GetType().Name, exception.Message,
                exception.StackTrace?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? []);
        }

        response.Position = 0;
        return LambdaFunctionResult.Success(JsonNode.Parse(response));
    }

    /// <summary>The step a function name, ARN or partial ARN names; null when no step has that name.</summary>
    public static string? Resolve(string functionName)
    {
        var resourceName = ResourceName(functionName);
        return StepCatalog.All.Any(s => s.Function.ResourceName == resourceName) ? resourceName : null;
    }

    /// <summary><c>arn:aws:lambda:region:account:function:Name[:qualifier]</c> or a bare name → <c>Name</c>.</summary>
    private static string ResourceName(string functionName)
    {
        const string marker = ":function:";
        var start = functionName.IndexOf(marker, StringComparison.Ordinal);
        var name = start < 0 ? functionName : functionName[(start + marker.Length)..];
        var qualifier = name.IndexOf(':', StringComparison.Ordinal);
        return qualifier < 0 ? name : name[..qualifier];
    }
}
