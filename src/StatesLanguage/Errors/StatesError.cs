namespace StatesLanguage.Errors;

/// <summary>A Step Functions error: its name (such as <c>States.TaskFailed</c>) and its cause. Either may be absent,
/// as in a Fail state that sets neither.</summary>
public sealed record StatesError(string? Name, string? Cause);
