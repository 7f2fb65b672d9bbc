using System.Collections.Concurrent;

namespace StatesLanguage.Server.Api;

/// <summary>The operations the API answers, by name (the part of <c>X-Amz-Target</c> after
/// <c>AWSStepFunctions.</c>). Adding one is one call: <c>operations.Register("TestState", handler)</c>; the handler
/// takes the request body and returns the response body (both AWS's JSON shapes) or throws a
/// <see cref="StepFunctionsException"/>.</summary>
public sealed class OperationTable
{
    private readonly ConcurrentDictionary<string, Func<JsonObject, CancellationToken, Task<JsonObject>>> _handlers = new(StringComparer.Ordinal);

    /// <summary>Adds or replaces an operation.</summary>
    public OperationTable Register(string operation, Func<JsonObject, CancellationToken, Task<JsonObject>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(handler);
        _handlers[operation] = handler;
        return this;
    }

    public IReadOnlyCollection<string> Names => [.. _handlers.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="StepFunctionsException">UnknownOperationException when no handler has that name, or what the
    /// handler throws.</exception>
    public Task<JsonObject> InvokeAsync(string operation, JsonObject request, CancellationToken cancellationToken) =>
        _handlers.TryGetValue(operation, out var handler)
            ? handler(request, cancellationToken)
            : throw StepFunctionsErrors.UnknownOperation();
}
