namespace StatesLanguage.Server.Api;

/// <summary>An error of the Step Functions API: <see cref="Code"/> is the AWS error code (the <c>__type</c> of the
/// AWS JSON 1.0 error body, such as <c>StateMachineDoesNotExist</c>), the message is AWS's text for it.</summary>
public sealed class StepFunctionsException(string code, string message, int statusCode = 400) : Exception(message)
{
    public string Code { get; } = code;

    /// <summary>The HTTP status code: 400 for every error of the caller, 500 for a fault of the service.</summary>
    public int StatusCode { get; } = statusCode;
}
