namespace StatesLanguage.Tests.Support;

/// <summary>An <see cref="ITaskInvoker"/> from a lambda.</summary>
public sealed class DelegateInvoker(Func<TaskInvocation, CancellationToken, Task<JsonNode?>> invoke) : ITaskInvoker
{
    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => invoke(invocation, cancellationToken);
}
