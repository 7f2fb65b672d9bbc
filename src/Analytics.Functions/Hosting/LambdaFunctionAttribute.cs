namespace Analytics.Functions.Hosting;

/// <summary>
/// Marks a step's handler method as a Lambda function, after Amazon.Lambda.Annotations' attribute of the same
/// name. The method takes its request record and a <see cref="CancellationToken"/> and returns
/// <c>Task&lt;TResponse&gt;</c>; its class gets services by constructor injection. The SAM template, the entry
/// points and the local task resolver are all derived from these attributes.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class LambdaFunctionAttribute : Attribute
{
    /// <summary>The function's logical id in the template, and the ASL state name (e.g. <c>ProcessUpload</c>).</summary>
    public string ResourceName { get; init; } = "";

    /// <summary>
    /// The state machines' template variable of the function's ARN when it is not the resource name in snake case
    /// plus <c>_lambda_arn</c> (the seed spells <c>ExportToQuickSight</c>'s as <c>export_to_quicksight_lambda_arn</c>).
    /// </summary>
    public string? ArnVariable { get; init; }

    /// <summary>Memory in MB (128–10,240).</summary>
    public int MemorySize { get; init; } = 512;

    /// <summary>Timeout in seconds (1–900). The handler's cancellation token fires shortly before it.</summary>
    public int Timeout { get; init; } = 30;

    /// <summary>
    /// What the function may touch, as SAM policy templates with the template parameter that names the resource,
    /// e.g. <c>DynamoDBCrudPolicy:SalesTable</c> or <c>S3CrudPolicy:DataBucket</c>.
    /// </summary>
    public string[] Policies { get; init; } = [];
}
