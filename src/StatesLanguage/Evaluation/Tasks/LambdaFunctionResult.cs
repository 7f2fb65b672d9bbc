namespace StatesLanguage.Evaluation.Tasks;

/// <summary>A function's answer: its output, or a function error (<see cref="ErrorType"/> set) with its message and
/// stack trace lines.</summary>
public sealed record LambdaFunctionResult
{
    public JsonNode? Payload { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    public IReadOnlyList<string> StackTrace { get; init; } = [];

    public bool IsError => ErrorType is not null;

    public static LambdaFunctionResult Success(JsonNode? payload) => new() { Payload = payload };

    public static LambdaFunctionResult Failure(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null) =>
        new() { ErrorType = errorType, ErrorMessage = errorMessage, StackTrace = stackTrace ?? [] };
}
