namespace StatesLanguage.Server;

/// <summary>The AWS Step Functions API (AWS JSON 1.0, <c>X-Amz-Target: AWSStepFunctions.*</c>) over the local engine.</summary>
public static class StepFunctionsEndpoint
{
    /// <summary>The JSON 1.0 target prefix of every Step Functions operation.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";
}
