using System.Net;
using System.Text.Json.Nodes;
using Amazon.S3;
using Analytics.Cli.Embedded;
using Analytics.Domain.Storage;
using Analytics.Functions.DailyAnalysis;

namespace Analytics.Cli.Tests.Iam;

/// <summary>The IAM evaluator and the S3 answers of <see cref="IamObjectStore"/>, then the deployed policies themselves.</summary>
public sealed class IamPolicyTests : IDisposable
{
    private const string Bucket = "test-bucket";
    private const string BucketArn = "arn:aws:s3:::" + Bucket;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-iam-");

    public void Dispose() => _root.Delete(recursive: true);

    private static IamPolicy Policy(params string[] statements) =>
        IamPolicy.Parse(new JsonArray(new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray([.. statements.Select(s => JsonNode.Parse(s))]),
        }), DeployedPolicies.Values(Bucket));

    private const string GetRuns = """{"Effect":"Allow","Action":["s3:GetObject"],"Resource":[{"Fn::Sub":"arn:${AWS::Partition}:s3:::${DataBucket}/analysis/runs/*"}]}""";
    private const string ListRuns = """{"Effect":"Allow","Action":"s3:ListBucket","Resource":{"Fn::Sub":"arn:${AWS::Partition}:s3:::${DataBucket}"},"Condition":{"StringLike":{"s3:prefix":["analysis/runs/*"]}}}""";
    private const string ListAll = """{"Effect":"Allow","Action":"s3:ListBucket","Resource":{"Fn::GetAtt":["DataBucket","Arn"]}}""";

    private async Task<IamObjectStore> StoreAsync(IamPolicy policy, params string[] keys)
    {
        var folder = new FolderObjectStore(_root.FullName, Bucket);
        foreach (var key in keys)
        {
            await folder.WriteAsync(key, new MemoryStream("{}"u8.ToArray()), "application/json", CancellationToken.None);
        }

        return new IamObjectStore(folder, policy);
    }

    [Fact]
    public void IsAllowed_ResourceWildcard_CoversKeysUnderThePrefixOnly()
    {
        var policy = Policy(GetRuns);

        Assert.True(policy.IsAllowed("s3:GetObject", BucketArn + "/analysis/runs/2025-01-15/run/" + DetectAnomaliesStep.Result.FileName));
        Assert.False(policy.IsAllowed("s3:GetObject", BucketArn + "/analysis/runs"));
        Assert.False(policy.IsAllowed("s3:GetObject", BucketArn + "/reports/2025-01-15/daily-report.html"));
        Assert.False(policy.IsAllowed("s3:GetObject", "arn:aws:s3:::other-bucket/analysis/runs/x"));
        Assert.False(policy.IsAllowed("s3:PutObject", BucketArn + "/analysis/runs/x"));
    }

    [Fact]
    public void IsAllowed_ActionsIgnoreCaseAndWildcardsResourcesDoNot()
    {
        var policy = Policy("""{"Effect":"Allow","Action":"s3:Get*","Resource":"arn:aws:s3:::test-bucket/a?c/*"}""");

        Assert.True(policy.IsAllowed("S3:getobject", BucketArn + "/abc/x"));
        Assert.True(policy.IsAllowed("s3:GetObjectTagging", BucketArn + "/a-c/x/y"));
        Assert.False(policy.IsAllowed("s3:GetObject", BucketArn + "/ABC/x"));
        Assert.False(policy.IsAllowed("s3:GetObject", BucketArn + "/abbc/x"));
    }

    [Fact]
    public void IsAllowed_ExplicitDeny_WinsOverAnAllow()
    {
        var policy = Policy(GetRuns, """{"Effect":"Deny","Action":"s3:*","Resource":"arn:aws:s3:::test-bucket/analysis/runs/secret/*"}""");

        Assert.True(policy.IsAllowed("s3:GetObject", BucketArn + "/analysis/runs/open/x"));
        Assert.False(policy.IsAllowed("s3:GetObject", BucketArn + "/analysis/runs/secret/x"));
    }

    [Fact]
    public void IsAllowed_PrefixCondition_HoldsOnlyForARequestWithAMatchingPrefix()
    {
        var policy = Policy(ListRuns);

        Assert.True(policy.IsAllowed("s3:ListBucket", BucketArn, new Dictionary<string, string> { ["s3:prefix"] = "analysis/runs/2025-01-15/run/" + DetectAnomaliesStep.Result.FileName }));
        Assert.True(policy.IsAllowed("s3:ListBucket", BucketArn, new Dictionary<string, string> { ["S3:Prefix"] = "analysis/runs/" }));
        Assert.False(policy.IsAllowed("s3:ListBucket", BucketArn, new Dictionary<string, string> { ["s3:prefix"] = "analysis/" }));
        Assert.False(policy.IsAllowed("s3:ListBucket", BucketArn)); // no prefix in the request: the condition cannot hold
    }

    [Fact]
    public void Parse_AValueNotGiven_Throws() =>
        Assert.Throws<KeyNotFoundException>(() => IamPolicy.Parse(new JsonArray(new JsonObject
        {
            ["Statement"] = new JsonArray(JsonNode.Parse("""{"Effect":"Allow","Action":"s3:GetObject","Resource":{"Fn::Sub":"${Unknown}/*"}}""")),
        }), DeployedPolicies.Values(Bucket)));

    [Fact]
    public async Task OpenRead_MissingKeyWithoutListBucket_Is403NotNotFound()
    {
        var store = await StoreAsync(Policy(GetRuns), "analysis/runs/present.json");

        await using (await store.OpenReadAsync("analysis/runs/present.json", CancellationToken.None))
        {
        }

        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync("analysis/runs/missing.json", CancellationToken.None));
        Assert.Equal((HttpStatusCode.Forbidden, "AccessDenied"), (denied.StatusCode, denied.ErrorCode));
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<AmazonS3Exception>(() => store.ExistsAsync("analysis/runs/missing.json", CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task OpenRead_MissingKeyWithAPrefixConditionedListBucket_IsStill403()
    {
        var store = await StoreAsync(Policy(GetRuns, ListRuns));

        // A GetObject request has no s3:prefix, so the conditioned ListBucket does not apply to it.
        await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync("analysis/runs/missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_MissingKeyWithListBucketOnTheBucket_IsNotFound()
    {
        var store = await StoreAsync(Policy(GetRuns, ListAll));

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync("analysis/runs/missing.json", CancellationToken.None));
        Assert.False(await store.ExistsAsync("analysis/runs/missing.json", CancellationToken.None));
    }

    [Fact]
    public async Task OpenRead_NotGranted_Is403EvenWhenTheKeyExists()
    {
        var store = await StoreAsync(Policy(GetRuns, ListAll), "reports/day.html");

        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<AmazonS3Exception>(() => store.OpenReadAsync("reports/day.html", CancellationToken.None))).StatusCode);
    }

    [Fact]
    public async Task List_ChecksListBucketWithTheRequestPrefix()
    {
        var store = await StoreAsync(Policy(ListRuns), "analysis/runs/a.json", "reports/b.html");

        Assert.Equal(["analysis/runs/a.json"], await store.ListAsync("analysis/runs/a.json", CancellationToken.None).Select(o => o.Key).ToListAsync());
        await Assert.ThrowsAsync<AmazonS3Exception>(async () => await store.ListAsync("reports/", CancellationToken.None).ToListAsync());
        await Assert.ThrowsAsync<AmazonS3Exception>(async () => await store.ListAsync("", CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task Move_NeedsGetOnTheSourcePutOnTheTargetAndDeleteOnTheSource()
    {
        const string get = """{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::test-bucket/uploads/*"}""";
        const string put = """{"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::test-bucket/rejected/*"}""";
        const string delete = """{"Effect":"Allow","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::test-bucket/uploads/*"}""";

        foreach (var partial in new[] { Policy(put, delete), Policy(get, delete), Policy(get, put) })
        {
            var store = await StoreAsync(partial, "uploads/a.json");
            await Assert.ThrowsAsync<AmazonS3Exception>(() => store.MoveAsync("uploads/a.json", "rejected/a.json", CancellationToken.None));
        }

        var granted = await StoreAsync(Policy(get, put, delete), "uploads/a.json");
        await granted.MoveAsync("uploads/a.json", "rejected/a.json", CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_root.FullName, "rejected", "a.json")));
        await Assert.ThrowsAsync<AmazonS3Exception>(() => granted.MoveAsync("uploads/a.json", "rejected/a.json", CancellationToken.None)); // gone: 403, not 404
    }

    [Theory]
    [InlineData(GenerateRecommendationsStep.StateName)]
    [InlineData(CombineInsightsStep.StateName)]
    public void DeployedPolicy_AStepReadingAModelPart_MayListTheExactKeyOfTheStatisticsItProbes(string function)
    {
        var policy = DeployedPolicies.Of(function);
        var bucket = "arn:aws:s3:::" + EmbeddedServiceCollectionExtensions.BucketName;

        Assert.True(policy.IsAllowed("s3:ListBucket", bucket, new Dictionary<string, string> { ["s3:prefix"] = "analysis/runs/2025-01-15/daily-analysis-x/" + DetectAnomaliesStep.Result.FileName }),
                    $"{function} cannot tell a missing statistics document from a forbidden one");
        Assert.False(policy.IsAllowed("s3:ListBucket", bucket, new Dictionary<string, string> { ["s3:prefix"] = "uploads/" }));
    }

    [Fact]
    public void DeployedPolicies_NoFunctionMayListTheWholeBucket() =>
        Assert.All(Functions(), f => Assert.False(DeployedPolicies.Of(f).IsAllowed("s3:ListBucket", "arn:aws:s3:::" + EmbeddedServiceCollectionExtensions.BucketName), f));

    [Fact]
    public void DeployedPolicies_OnlyProcessUploadMayWriteTheTableAndNoFunctionUsesGetItemOrTheIndex()
    {
        foreach (var function in Functions())
        {
            var policy = DeployedPolicies.Of(function);
            Assert.Equal(function == "ProcessUpload", policy.IsAllowed("dynamodb:BatchWriteItem", DeployedPolicies.TableArn));
            Assert.Equal(function == "ProcessUpload", policy.IsAllowed("dynamodb:PutItem", DeployedPolicies.TableArn)); // commit markers
            Assert.False(policy.IsAllowed("dynamodb:GetItem", DeployedPolicies.TableArn), function);
            Assert.False(policy.IsAllowed("dynamodb:Query", $"{DeployedPolicies.TableArn}/index/{DeployedPolicies.IndexName}"), function);
        }
    }

    private static IEnumerable<string> Functions() =>
        DeployedPolicies.Template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == "AWS::Serverless::Function").Select(r => r.Key);
}
