using Analytics.Domain;

namespace Analytics.Functions.UploadProcessing;

/// <summary>The event names a bucket this deployment does not own: a wiring mistake, not worth retrying.</summary>
public sealed class UnexpectedBucketException(string eventBucket, string configuredBucket)
    : AnalyticsException($"The event is for bucket '{eventBucket}', but this function reads bucket '{configuredBucket}'.");
