namespace StatesLanguage.Server.Api;

/// <summary>A Step Functions ARN, <c>arn:aws:states:&lt;region&gt;:&lt;account&gt;:&lt;type&gt;:&lt;parts...&gt;</c>:
/// <c>stateMachine:&lt;name&gt;</c>, <c>execution:&lt;machine&gt;:&lt;name&gt;</c> or
/// <c>express:&lt;machine&gt;:&lt;name&gt;:&lt;id&gt;</c>.</summary>
public sealed record StatesArn(string Partition, string Region, string Account, string ResourceType, IReadOnlyList<string> Parts)
{
    public const string StateMachineType = "stateMachine";
    public const string ExecutionType = "execution";
    public const string ExpressType = "express";

    public static string StateMachine(string region, string account, string name) =>
        $"arn:aws:states:{region}:{account}:{StateMachineType}:{name}";

    public static string Execution(string region, string account, string machine, string name) =>
        $"arn:aws:states:{region}:{account}:{ExecutionType}:{machine}:{name}";

    public static string ExpressExecution(string region, string account, string machine, string name, string id) =>
        $"arn:aws:states:{region}:{account}:{ExpressType}:{machine}:{name}:{id}";

    /// <exception cref="StepFunctionsException">InvalidArn: not an ARN, or not one of Step Functions.</exception>
    public static StatesArn Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith("arn:", StringComparison.Ordinal))
            throw StepFunctionsErrors.InvalidArnPrefix(value);
        var parts = value.Split(':');
        if (parts.Length < 7 || parts[2] != "states" || parts.Skip(1).Any(string.IsNullOrEmpty))
            throw StepFunctionsErrors.InvalidArn(value);
        return new StatesArn(parts[1], parts[3], parts[4], parts[5], parts[6..]);
    }
}
