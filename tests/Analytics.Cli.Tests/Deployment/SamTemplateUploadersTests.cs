using System.Text.Json.Nodes;
using Analytics.Cli.Deployment;
using Analytics.Cli.Tests.Iam;
using Analytics.Domain.Uploads;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>
/// The uploader roles of serverless.template: a store's session (tagged with its store id) may put objects into its own
/// folder of uploads/ only, head office anywhere under uploads/; their policies evaluated as IAM evaluates them.
/// </summary>
public sealed class SamTemplateUploadersTests
{
    private const string Bucket = "data-bucket";
    private const string BucketArn = "arn:aws:s3:::" + Bucket;

    private static JsonObject Template => DeployedPolicies.Template;

    private static JsonObject Properties(string logicalId) => Template["Resources"]![logicalId]!["Properties"]!.AsObject();

    private static IamPolicy Role(string logicalId) => IamPolicy.OfRole(Template, logicalId, DeployedPolicies.Values(Bucket));

    private static Dictionary<string, string> SessionOf(string storeId) => new() { [$"aws:PrincipalTag/{SamTemplate.StoreIdTag}"] = storeId };

    [Theory]
    [InlineData("uploads/store-0042/2025-01-15.json", true)]
    [InlineData("uploads/store-0042/2025/01/x.json", true)]
    [InlineData("uploads/store-0043/2025-01-15.json", false)]
    [InlineData("uploads/store-00421/2025-01-15.json", false)]
    [InlineData("uploads/2025-01-15.json", false)]
    [InlineData("rejected/store-0042/2025-01-15.json", false)]
    public void StoreUploader_SessionTaggedWithItsStore_PutsIntoThatStoresFolderOnly(string key, bool allowed)
    {
        Assert.Equal(allowed, Role(SamTemplate.StoreUploaderRole).IsAllowed("s3:PutObject", $"{BucketArn}/{key}", SessionOf("store-0042")));
        if (allowed)
        {
            Assert.Equal("store-0042", UploadKeys.OwningStore(key)); // what ProcessUpload then holds the file's store-days to
        }
    }

    [Fact]
    public void StoreUploader_SessionWithoutStoreTag_PutsNothing() =>
        Assert.False(Role(SamTemplate.StoreUploaderRole).IsAllowed("s3:PutObject", $"{BucketArn}/uploads/store-0042/2025-01-15.json", new Dictionary<string, string>()));

    [Theory]
    [InlineData("s3:GetObject")]
    [InlineData("s3:DeleteObject")]
    [InlineData("s3:PutObjectAcl")]
    public void StoreUploader_AnyOtherAction_IsDenied(string action) =>
        Assert.False(Role(SamTemplate.StoreUploaderRole).IsAllowed(action, $"{BucketArn}/uploads/store-0042/2025-01-15.json", SessionOf("store-0042")));

    [Theory]
    [InlineData("uploads/20250122_143022_data.json", true)]
    [InlineData("uploads/store-0042/2025-01-15.json", true)]
    [InlineData("rejected/20250122_143022_data.json", false)]
    [InlineData("reports/2025-01-15/daily-report.html", false)]
    public void HeadOfficeUploader_PutsAnywhereUnderUploadsOnly(string key, bool allowed)
    {
        var role = Role(SamTemplate.HeadOfficeUploaderRole);

        Assert.Equal(allowed, role.IsAllowed("s3:PutObject", $"{BucketArn}/{key}"));
        Assert.False(role.IsAllowed("s3:GetObject", $"{BucketArn}/{key}"));
    }

    [Fact]
    public void StoreUploader_Trust_RequiresExactlyAStoreIdTagWithoutSlash()
    {
        var trust = Assert.Single(Properties(SamTemplate.StoreUploaderRole)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Equal("""["sts:AssumeRole","sts:TagSession"]""", trust["Action"]!.ToJsonString());
        Assert.Equal(
            """{"StringLike":{"aws:RequestTag/store_id":"?*"},"StringNotLike":{"aws:RequestTag/store_id":"*/*"},"ForAllValues:StringEquals":{"aws:TagKeys":["store_id"]}}""",
            trust["Condition"]!.ToJsonString());
        AssertTrusts(trust, SamTemplate.StoreUploaderPrincipalsParameter);
    }

    [Fact]
    public void HeadOfficeUploader_Trust_IsTheGivenPrincipalsWithoutTags()
    {
        var trust = Assert.Single(Properties(SamTemplate.HeadOfficeUploaderRole)["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;

        Assert.Equal("\"sts:AssumeRole\"", trust["Action"]!.ToJsonString());
        Assert.Null(trust["Condition"]);
        AssertTrusts(trust, SamTemplate.HeadOfficeUploaderPrincipalsParameter);
    }

    [Theory]
    [InlineData(SamTemplate.StoreUploaderRole)]
    [InlineData(SamTemplate.HeadOfficeUploaderRole)]
    public void UploaderRole_Arn_IsAStackOutput(string role) =>
        Assert.Equal($$"""{"Fn::GetAtt":["{{role}}","Arn"]}""", Template["Outputs"]![role + "Arn"]!["Value"]!.ToJsonString());

    /// <summary>The statement trusts the principals of <paramref name="parameter"/>, or this account when it is empty (its default).</summary>
    private static void AssertTrusts(JsonNode trust, string parameter)
    {
        var condition = "Has" + parameter;
        Assert.Equal($$"""{"Fn::If":["{{condition}}",{"Ref":"{{parameter}}"},{"Fn::Sub":"arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}]}""",
                     trust["Principal"]!["AWS"]!.ToJsonString());
        Assert.Equal($$"""{"Fn::Not":[{"Fn::Equals":[{"Fn::Join":["",{"Ref":"{{parameter}}"}]},""]}]}""", Template["Conditions"]![condition]!.ToJsonString());
        Assert.Equal(("CommaDelimitedList", ""), ((string?)Template["Parameters"]![parameter]!["Type"], (string?)Template["Parameters"]![parameter]!["Default"]));
    }
}
