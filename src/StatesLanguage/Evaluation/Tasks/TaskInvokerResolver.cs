using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation.Tasks;

/// <summary>Dispatches each Task to the handler registered for its resource: an exact ARN first, then the longest
/// registered prefix (such as <c>arn:aws:lambda:</c>). An unknown resource fails the task with States.Runtime.</summary>
public sealed class TaskInvokerResolver : ITaskInvoker
{
    private readonly Dictionary<string, ITaskInvoker> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Prefix, ITaskInvoker Invoker)> _prefixes = [];

    public TaskInvokerResolver Register(string resource, ITaskInvoker invoker)
    {
        _exact[resource] = invoker;
        return this;
    }

    public TaskInvokerResolver RegisterPrefix(string prefix, ITaskInvoker invoker)
    {
        _prefixes.Add((prefix, invoker));
        _prefixes.Sort((a, b) => b.Prefix.Length.CompareTo(a.Prefix.Length));
        return this;
    }

    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        if (_exact.TryGetValue(invocation.Resource, out var invoker))
            return invoker.InvokeAsync(invocation, cancellationToken);
        foreach (var (prefix, candidate) in _prefixes)
        {
            if (invocation.Resource.StartsWith(prefix, StringComparison.Ordinal))
                return candidate.InvokeAsync(invocation, cancellationToken);
        }
        throw new StatesErrorException(StatesErrorNames.Runtime, $"No task handler is registered for the resource '{invocation.Resource}'.");
    }
}
