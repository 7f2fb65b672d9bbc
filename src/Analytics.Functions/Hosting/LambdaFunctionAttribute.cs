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

    /// <summary>Its access to the sales table (and its index). The template grants exactly the calls the adapter makes.</summary>
    public TableAccess SalesTable { get; init; }

    /// <summary>Bucket key prefixes whose objects it reads (<c>s3:GetObject</c>), e.g. <c>uploads/</c>.</summary>
    public string[] Reads { get; init; } = [];

    /// <summary>Bucket key prefixes it writes (<c>s3:PutObject</c>; a move writes its destination).</summary>
    public string[] Writes { get; init; } = [];

    /// <summary>Bucket key prefixes it deletes from (<c>s3:DeleteObject</c>; a move deletes its source).</summary>
    public string[] Deletes { get; init; } = [];

    /// <summary>
    /// Bucket key prefixes it lists (<c>s3:ListBucket</c> with an <c>s3:prefix</c> condition), including those under
    /// which it reads keys that may not exist: S3 answers a read of a missing key with 404 only to callers allowed
    /// <c>s3:ListBucket</c> on the whole bucket (a prefix condition does not cover a GetObject, which has no prefix) and
    /// with 403 to others, so such reads first list the exact key (<c>ObjectStoreExtensions.OpenReadIfPresentAsync</c>).
    /// No function may list the whole bucket.
    /// </summary>
    public string[] Lists { get; init; } = [];

    /// <summary>
    /// True when it calls the AI model: the template grants <c>bedrock:InvokeModel</c> on the model and inference profile
    /// named by the <c>ModelId</c> parameter (which reaches the function as <c>Model__Id</c>).
    /// </summary>
    public bool UsesModel { get; init; }
}
