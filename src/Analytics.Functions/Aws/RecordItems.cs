using Amazon.DynamoDBv2.Model;

namespace Analytics.Functions.Aws;

/// <summary>The items one store-day record is stored as: its head and its SKU parts (none when withdrawn).</summary>
internal sealed record RecordItems(Dictionary<string, AttributeValue> Head, IReadOnlyList<Dictionary<string, AttributeValue>> Parts);
