namespace StatesLanguage.Server.Tests;

/// <summary>A task invoker that answers each Task state with a function of its invocation (the host's part).</summary>
internal sealed class DelegateTaskInvoker(Func<TaskInvocation, JsonNode?> answer) : ITaskInvoker
{
    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(answer(invocation));
}
