namespace Analytics.Functions.Aws;

/// <summary>Where the AWS adapters keep data; bound from the <c>Storage</c> section (<c>Storage__SalesTable</c>, …).</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary>Name of the single DynamoDB table that holds sales (see docs/architecture.md for its design).</summary>
    public string SalesTable { get; set; } = "";

    /// <summary>S3 bucket for uploads, rejected files, intermediate results and exports.</summary>
    public string BucketName { get; set; } = "";

    /// <summary>
    /// Optional endpoint for both clients instead of AWS (a local DynamoDB- or S3-compatible server such as
    /// moto_server). S3 then uses path-style addressing.
    /// </summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>Signing region used with <see cref="ServiceUrl"/>; otherwise the standard region chain decides.</summary>
    public string? AuthenticationRegion { get; set; }
}
