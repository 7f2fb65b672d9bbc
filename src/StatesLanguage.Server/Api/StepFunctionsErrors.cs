namespace StatesLanguage.Server.Api;

/// <summary>The errors of the Step Functions API with AWS's codes and message texts (as AWS answers them; the codes
/// are those the botocore service model declares for each operation).</summary>
public static class StepFunctionsErrors
{
    public static StepFunctionsException StateMachineDoesNotExist(string arn) =>
        new("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'");

    public static StepFunctionsException StateMachineAlreadyExists(string arn) =>
        new("StateMachineAlreadyExists", $"State Machine Already Exists: '{arn}'");

    public static StepFunctionsException ExecutionDoesNotExist(string arn) =>
        new("ExecutionDoesNotExist", $"Execution Does Not Exist: '{arn}'");

    public static StepFunctionsException ExecutionAlreadyExists(string arn) =>
        new("ExecutionAlreadyExists", $"Execution Already Exists: '{arn}'");

    /// <summary>An ARN that does not start with <c>arn:</c>.</summary>
    public static StepFunctionsException InvalidArnPrefix(string value) =>
        new("InvalidArn", $"Invalid Arn: 'Invalid ARN prefix: {value}'");

    /// <summary>An ARN of the wrong resource type for the operation (an express execution, or a state machine
    /// where an execution is expected); <paramref name="resourceType"/> is the ARN's type in lower case.</summary>
    public static StepFunctionsException InvalidArnResourceType(string resourceType) =>
        new("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: {resourceType.ToLowerInvariant()}'");

    /// <summary>An ARN of the right prefix that this service cannot read (AWS does not document its text for it).</summary>
    public static StepFunctionsException InvalidArn(string value) => new("InvalidArn", $"Invalid Arn: '{value}'");

    public static StepFunctionsException InvalidName(string name) => new("InvalidName", $"Invalid Name: '{name}'");

    /// <summary><paramref name="problems"/> as AWS lists them: <c>CODE: message at /json/pointer</c>, comma separated.</summary>
    public static StepFunctionsException InvalidDefinition(string problems) =>
        new("InvalidDefinition", $"Invalid State Machine Definition: '{problems}'");

    public static StepFunctionsException InvalidExecutionInput(string reason) =>
        new("InvalidExecutionInput", $"Invalid State Machine Execution Input: '{reason}'");

    public static StepFunctionsException StateMachineTypeNotSupported() =>
        new("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");

    public static StepFunctionsException MissingRequiredParameter(string message) => new("MissingRequiredParameter", message);

    public static StepFunctionsException InvalidToken() => new("InvalidToken", "Invalid Token: 'Invalid token'");

    /// <summary>The constraint failures of the request, in AWS's form: "1 validation error detected: Value ... at
    /// 'field' failed to satisfy constraint: ..." (several are counted and joined with "; ").</summary>
    public static StepFunctionsException Validation(IReadOnlyList<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        var count = failures.Count == 1 ? "1 validation error detected" : $"{failures.Count} validation errors detected";
        return new("ValidationException", $"{count}: {string.Join("; ", failures)}");
    }

    /// <summary>A request that names no operation this service has (AWS answers with the framework's shape).</summary>
    public static StepFunctionsException UnknownOperation() => new("com.amazon.coral.service#UnknownOperationException", "");

    /// <summary>A request body that is not a JSON object.</summary>
    public static StepFunctionsException Serialization(string reason) =>
        new("com.amazon.coral.service#SerializationException", reason);
}
