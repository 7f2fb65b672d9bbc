namespace StatesLanguage.Server.Tests.Console.Support;

/// <summary>An <see cref="ITaskInvoker"/> from a function of the invocation (a fresh node each call).</summary>
internal sealed class TaskAnswers(Func<TaskInvocation, System.Text.Json.Nodes.JsonNode?> answer) : ITaskInvoker
{
    public Task<System.Text.Json.Nodes.JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) => Task.FromResult(answer(invocation));
}
