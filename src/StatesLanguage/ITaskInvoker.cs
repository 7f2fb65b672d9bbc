namespace StatesLanguage;

/// <summary>The engine's only way out: runs the resource of a Task state. Return the raw task result (before
/// ResultSelector/ResultPath/OutputPath); throw <see cref="Errors.TaskFailedException"/> to fail the task with an
/// error name that Retry and Catch match. Any other exception fails the task as <c>States.TaskFailed</c>. The engine may
/// attach a returned node that has no parent into the state data, so return a fresh node per invocation (never one
/// handed out again).</summary>
public interface ITaskInvoker
{
    Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
