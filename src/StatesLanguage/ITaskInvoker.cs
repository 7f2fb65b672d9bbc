namespace StatesLanguage;

/// <summary>The engine's only way out: runs the resource of a Task state. Return the raw task result (before
/// ResultSelector/ResultPath/OutputPath); throw <see cref="Errors.TaskFailedException"/> to fail the task with an
/// error name that Retry and Catch match. Any other exception fails the task as <c>States.TaskFailed</c>.</summary>
public interface ITaskInvoker
{
    Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken);
}
