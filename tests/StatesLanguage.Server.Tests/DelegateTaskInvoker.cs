namespace StatesLanguage.Server.Tests;

/// <summary>A task invoker that answers each Task state with a function of its invocation (the host's part).</summary>
internal sealed class DelegateTaskInvoker(Func<TaskInvocation, CancellationToken, Task<JsonNode?>> answer) : ITaskInvoker
{
    public DelegateTaskInvoker(Func<TaskInvocation, JsonNode?> answer)
        : this((invocation, _) => Task.FromResult(answer(invocation)))
    {
    }

    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => answer(invocation, cancellationToken);
}
