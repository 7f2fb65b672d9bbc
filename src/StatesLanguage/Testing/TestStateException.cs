using StatesLanguage.Errors;
using StatesLanguage.Validation;

namespace StatesLanguage.Testing;

/// <summary>A TestState request that cannot run: <see cref="ErrorCode"/> is the AWS error to return
/// (<see cref="TestStateErrorCodes"/>), the message AWS's where known; an invalid definition also lists its
/// <see cref="Diagnostics"/>.</summary>
public sealed class TestStateException : AslException
{
    public TestStateException(string errorCode, string message, IReadOnlyList<AslDiagnostic>? diagnostics = null)
        : base(message)
    {
        ErrorCode = errorCode;
        Diagnostics = diagnostics ?? [];
    }

    public string ErrorCode { get; }

    public IReadOnlyList<AslDiagnostic> Diagnostics { get; }
}

/// <summary>The error codes of TestState that <see cref="TestStateException"/> carries.</summary>
public static class TestStateErrorCodes
{
    public const string InvalidDefinition = "InvalidDefinition";
    public const string InvalidExecutionInput = "InvalidExecutionInput";
    public const string ValidationException = "ValidationException";
}
