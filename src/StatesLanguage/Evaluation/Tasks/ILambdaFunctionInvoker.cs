namespace StatesLanguage.Evaluation.Tasks;

/// <summary>Calls one function synchronously. Pluggable: in-process steps, a Lambda client, a test double.</summary>
public interface ILambdaFunctionInvoker
{
    Task<LambdaFunctionResult> InvokeAsync(string functionName, JsonNode? payload, CancellationToken cancellationToken);
}
