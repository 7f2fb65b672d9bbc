using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>An intrinsic function rejected its arguments; surfaces as <c>States.IntrinsicFailure</c>.</summary>
internal sealed class IntrinsicFailureException(string message) : AslException(message);
