using Amazon.DynamoDBv2.Model;

namespace Analytics.Functions.Aws;

/// <summary>The items one contribution is stored as; <see cref="Version"/> is in every part's sort key and in the head.</summary>
internal sealed record ContributionItems(
    Dictionary<string, AttributeValue> Head,
    IReadOnlyList<Dictionary<string, AttributeValue>> Parts,
    string Version);
