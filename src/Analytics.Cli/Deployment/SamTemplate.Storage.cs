using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Analytics.Functions.Aws;
using Analytics.Functions.DailyAnalysis;

namespace Analytics.Cli.Deployment;

/// <summary>The data: the sales table as the DynamoDB adapter defines it, and the bucket with its lifecycle rules and a TLS-only policy.</summary>
internal static partial class SamTemplate
{
    private static JsonObject SalesTableResource()
    {
        var definition = DynamoDbSalesStore.TableDefinition("unused");
        return new JsonObject
        {
            ["Type"] = "AWS::DynamoDB::Table",
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
            ["Properties"] = new JsonObject
            {
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["AttributeDefinitions"] = new JsonArray([.. definition.AttributeDefinitions.Select(a => (JsonNode)new JsonObject
                {
                    ["AttributeName"] = a.AttributeName, ["AttributeType"] = a.AttributeType.Value,
                })]),
                ["KeySchema"] = Keys(definition.KeySchema),
                ["GlobalSecondaryIndexes"] = new JsonArray([.. definition.GlobalSecondaryIndexes.Select(i => (JsonNode)new JsonObject
                {
                    ["IndexName"] = i.IndexName,
                    ["KeySchema"] = Keys(i.KeySchema),
                    ["Projection"] = new JsonObject { ["ProjectionType"] = i.Projection.ProjectionType.Value },
                })]),
                ["PointInTimeRecoverySpecification"] = new JsonObject { ["PointInTimeRecoveryEnabled"] = true },
                ["SSESpecification"] = new JsonObject { ["SSEEnabled"] = true },
            },
        };
    }

    private static JsonArray Keys(List<KeySchemaElement> keys) =>
        [.. keys.Select(k => (JsonNode)new JsonObject { ["AttributeName"] = k.AttributeName, ["KeyType"] = k.KeyType.Value })];

    private static JsonObject BucketResource() => new()
    {
        ["Type"] = "AWS::S3::Bucket",
        ["DeletionPolicy"] = "Retain",
        ["UpdateReplacePolicy"] = "Retain",
        ["Properties"] = new JsonObject
        {
            ["BucketEncryption"] = new JsonObject
            {
                ["ServerSideEncryptionConfiguration"] = new JsonArray(new JsonObject
                {
                    ["ServerSideEncryptionByDefault"] = new JsonObject { ["SSEAlgorithm"] = "AES256" },
                }),
            },
            ["PublicAccessBlockConfiguration"] = new JsonObject
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new JsonObject { ["Rules"] = new JsonArray(new JsonObject { ["ObjectOwnership"] = "BucketOwnerEnforced" }) },
            ["NotificationConfiguration"] = new JsonObject { ["EventBridgeConfiguration"] = new JsonObject { ["EventBridgeEnabled"] = true } },
            ["LifecycleConfiguration"] = new JsonObject
            {
                ["Rules"] = new JsonArray(
                    Expire("ExpireRejectedUploads", "rejected/", 90),
                    Expire("ExpireAnalysisRunData", AnalysisKeys.RunsPrefix, 14),
                    // The functions write with single PutObject/CopyObject calls, which leave nothing when cut
                    // short; uploaders' tools switch to multipart for big files (the AWS CLI from 8 MB), and an
                    // interrupted multipart upload keeps its billed, invisible parts until aborted. The whole bucket,
                    // a day after initiation: a store file's upload takes minutes.
                    new JsonObject
                    {
                        ["Id"] = "AbortIncompleteUploads",
                        ["Status"] = "Enabled",
                        ["AbortIncompleteMultipartUpload"] = new JsonObject { ["DaysAfterInitiation"] = 1 },
                    }),
            },
        },
    };

    private static JsonObject Expire(string id, string prefix, int days) => new()
    {
        ["Id"] = id, ["Status"] = "Enabled", ["Prefix"] = prefix, ["ExpirationInDays"] = days,
    };

    private static JsonObject TlsOnlyBucketPolicy() => new()
    {
        ["Type"] = "AWS::S3::BucketPolicy",
        ["Properties"] = new JsonObject
        {
            ["Bucket"] = Ref(Bucket),
            ["PolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Sid"] = "DenyInsecureTransport",
                    ["Effect"] = "Deny",
                    ["Principal"] = "*",
                    ["Action"] = "s3:*",
                    ["Resource"] = new JsonArray(GetAtt(Bucket, "Arn"), Sub($"${{{Bucket}.Arn}}/*")),
                    ["Condition"] = new JsonObject { ["Bool"] = new JsonObject { ["aws:SecureTransport"] = "false" } },
                }),
            },
        },
    };
}
