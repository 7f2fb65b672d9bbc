using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Deployment;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.Hosting;
using Analytics.Functions.Hosting.Runtime;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>
/// serverless.template is generated, and checked the way AWS would check it: cfn-lint (which runs the SAM transform),
/// the SAM JSON schema, and the consistency of state machines, substitutions, roles and functions.
/// </summary>
public sealed class SamTemplateTests
{
    private static readonly string TemplatePath = Path.Combine(SharedFolder.Repository, SamTemplate.FileName);

    private static JsonObject Template() => JsonNode.Parse(File.ReadAllText(TemplatePath))!.AsObject();

    private static IEnumerable<(string Id, JsonObject Properties)> Resources(string type) =>
        Template()["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type).Select(r => (r.Key, r.Value!["Properties"]!.AsObject()));

    [Fact]
    public void Template_Committed_IsExactlyTheGeneratorsOutput() =>
        Assert.True(File.ReadAllText(TemplatePath) == TemplateCommand.Render(),
                    "serverless.template differs from the generator's output: run 'dotnet run --project src/Analytics.Cli -- template' and commit it.");

    [ToolFact("cfn-lint", "pip install cfn-lint")]
    public async Task Template_CfnLint_ReportsNothing()
    {
        // Informational findings too (I3011: no explicit DeletionPolicy/UpdateReplacePolicy on a stateful resource, …).
        var (exitCode, output) = await ExternalTool.RunAsync("cfn-lint", SharedFolder.Repository, "--include-checks", "I", "--", SamTemplate.FileName);

        Assert.True(exitCode == 0 && output.Length == 0, output);
    }

    [ToolFact("python3", "python3 with jsonschema: pip install jsonschema", needsSharedFolder: true)]
    public async Task Template_ValidatesAgainstTheSamSchema()
    {
        var (exitCode, output) = await ExternalTool.RunAsync("python3", SharedFolder.Repository,
            Path.Combine(AppContext.BaseDirectory, "Deployment", "validate_sam_schema.py"), SharedFolder.Path("reference", "schemas", "sam.schema.json"), TemplatePath);

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public void StateMachines_HaveASubstitutionForEveryVariableAndUseEverySubstitution()
    {
        foreach (var (id, properties) in Resources("AWS::Serverless::StateMachine"))
        {
            var definition = File.ReadAllText(Path.Combine(SharedFolder.Repository, (string)properties["DefinitionUri"]!));
            var substitutions = properties["DefinitionSubstitutions"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);
            Assert.True(SamTemplate.VariablesOf(definition).SequenceEqual(substitutions), id);
        }
    }

    [Fact]
    public void StateMachines_RolesInvokeExactlyTheFunctionsAndPublishExactlyTheTopicsTheyUseWithTheirKey()
    {
        List<string> called = [];
        foreach (var (id, properties) in Resources("AWS::Serverless::StateMachine"))
        {
            var targets = properties["DefinitionSubstitutions"]!.AsObject().Select(p => p.Value!).ToList();
            var functions = targets.Where(t => t["Fn::GetAtt"] is not null).Select(t => (string)t["Fn::GetAtt"]![0]!).Order(StringComparer.Ordinal).ToList();
            var topics = targets.Where(t => t["Ref"] is not null).Select(t => (string)t["Ref"]!).Order(StringComparer.Ordinal).ToList();
            var policies = properties["Policies"]!.AsArray().Select(p => p!.AsObject().Single()).Where(p => p.Key != "Statement").ToList();
            var statements = properties["Policies"]!.AsArray().Select(p => p!["Statement"]).OfType<JsonArray>().SelectMany(s => s).ToList();
            var keyStatements = statements.Where(s => s!["Action"]!.AsArray().Select(a => (string)a!).SequenceEqual(SamTemplate.TopicKeyActions)).ToList();
            Assert.Equal(topics.Count > 0 ? 1 : 0, keyStatements.Count);
            Assert.All(keyStatements, s => Assert.Equal(SamTemplate.TopicsKey, (string?)s!["Resource"]![0]!["Fn::GetAtt"]![0]));
            Assert.All(statements.Except(keyStatements), s => Assert.Equal(SamTemplate.LogDeliveryActions, s!["Action"]!.AsArray().Select(a => (string)a!)));
            Assert.Equal(functions, policies.Where(p => p.Key == "LambdaInvokePolicy").Select(p => (string)p.Value!["FunctionName"]!["Ref"]!).Order(StringComparer.Ordinal));
            Assert.Equal(topics, policies.Where(p => p.Key == "SNSPublishMessagePolicy").Select(p => (string)p.Value!["TopicName"]!["Fn::GetAtt"]![0]!).Order(StringComparer.Ordinal));
            Assert.True(policies.All(p => p.Key is "LambdaInvokePolicy" or "SNSPublishMessagePolicy"), $"{id} has other policies");
            called.AddRange(functions);
        }

        var declared = Resources("AWS::Serverless::Function").Select(f => f.Id).Order(StringComparer.Ordinal);
        Assert.Equal(declared, called.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(StepCatalog.All.Select(s => s.Function.ResourceName).Order(StringComparer.Ordinal), declared);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10:00")]
    [InlineData("00:00")]
    [InlineData("23:59")]
    [InlineData("9:00")]
    [InlineData("24:00")]
    [InlineData("09:60")]
    [InlineData("09:00:00")]
    [InlineData("9am")]
    public void UploadCutoff_ParameterAllowsExactlyWhatTheFunctionsAccept(string value)
    {
        var parameter = Template()["Parameters"]!["UploadCutoff"]!;
        var functionsAccept = true;
        try
        {
            new Analytics.Domain.Analysis.AnalysisOptions { UploadCutoff = value }.ParseUploadCutoff();
        }
        catch (InvalidOperationException)
        {
            functionsAccept = false;
        }

        Assert.Equal(functionsAccept, System.Text.RegularExpressions.Regex.IsMatch(value, (string)parameter["AllowedPattern"]!));
        Assert.Equal("10:00", (string?)parameter["Default"]);
    }

    [Fact]
    public void StateMachines_LogAllEventsWithTheirDataByDefault_BothTunableByParameter()
    {
        var template = Template();
        var level = template["Parameters"]![SamTemplate.LogLevelParameter]!;
        var data = template["Parameters"]![SamTemplate.ExecutionDataParameter]!;
        Assert.Equal("ALL", (string?)level["Default"]);
        Assert.Equal(["ALL", "ERROR", "FATAL", "OFF"], level["AllowedValues"]!.AsArray().Select(v => (string)v!));
        Assert.Equal("true", (string?)data["Default"]);
        Assert.Equal(["true", "false"], data["AllowedValues"]!.AsArray().Select(v => (string)v!));

        Assert.All(Resources("AWS::Serverless::StateMachine"), machine =>
        {
            var logging = machine.Properties["Logging"]!;
            Assert.Equal(SamTemplate.LogLevelParameter, (string?)logging["Level"]!["Ref"]);
            var choice = logging["IncludeExecutionData"]!["Fn::If"]!.AsArray();
            Assert.Equal([true, false], choice.Skip(1).Select(v => (bool)v!));
            var condition = template["Conditions"]![(string)choice[0]!]!["Fn::Equals"]!.AsArray();
            Assert.Equal(SamTemplate.ExecutionDataParameter, (string?)condition[0]!["Ref"]);
            Assert.Equal("true", (string?)condition[1]);
        });
    }

    [Fact]
    public void Functions_StatementsNameActionsAndScopedResourcesOnly()
    {
        foreach (var (id, properties) in Resources("AWS::Serverless::Function"))
        {
            var statements = properties["Policies"]!.AsArray().SelectMany(p => p!["Statement"]!.AsArray()).ToList();
            Assert.NotEmpty(statements);
            foreach (var statement in statements)
            {
                Assert.Equal("Allow", (string?)statement!["Effect"]);
                Assert.All(statement["Action"]!.AsArray(), a => Assert.DoesNotContain("*", (string)a!, StringComparison.Ordinal));
                Assert.All(statement["Resource"]!.AsArray(), r => Assert.NotEqual("*", r!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)r! : ""));
            }
        }
    }

    [Theory]
    [InlineData(DetectAnomaliesStep.StateName, true)]
    [InlineData(AnalyzeTrendsStep.StateName, true)]
    [InlineData(GenerateRecommendationsStep.StateName, true)]
    [InlineData(CombineInsightsStep.StateName, false)]
    [InlineData("ProcessUpload", false)]
    public void Functions_OnlyTheAiStepsMayInvokeTheConfiguredModel(string step, bool invokes)
    {
        var statements = SamTemplate.Statements(StepCatalog.Get(step).Function).Select(s => s.ToJsonString()).ToList();

        var bedrock = statements.Where(s => s.Contains("bedrock:", StringComparison.Ordinal)).ToList();
        Assert.Equal(invokes ? 2 : 0, bedrock.Count);
        Assert.All(bedrock, s => Assert.Contains("inference-profile/${ModelId}", s, StringComparison.Ordinal));
        if (invokes)
        {
            // The model itself or the account's profile; and a profile's routed calls, to any foundation model only through that profile.
            Assert.Contains("foundation-model/${ModelId}", bedrock[0], StringComparison.Ordinal);
            Assert.Contains("""
                "Resource":[{"Fn::Sub":"arn:${AWS::Partition}:bedrock:*::foundation-model/*"}],"Condition":{"ArnLike":{"bedrock:InferenceProfileArn":{"Fn::Sub":"arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/${ModelId}"}}}
                """, bedrock[1], StringComparison.Ordinal);
        }

        Assert.Equal("ModelId", (string?)Template()["Globals"]!["Function"]!["Environment"]!["Variables"]!["Model__Id"]!["Ref"]);
    }

    [Fact]
    public void Functions_ProcessUploadMayReadUploadsButNotWriteReports()
    {
        var statements = SamTemplate.Statements(StepCatalog.Get("ProcessUpload").Function).Select(s => s.ToJsonString()).ToList();

        Assert.Contains(statements, s => s.Contains("s3:GetObject", StringComparison.Ordinal) && s.Contains("/uploads/*", StringComparison.Ordinal));
        Assert.Contains(statements, s => s.Contains("dynamodb:BatchWriteItem", StringComparison.Ordinal));
        Assert.DoesNotContain(statements, s => s.Contains("reports/", StringComparison.Ordinal) || s.Contains("analysis/", StringComparison.Ordinal));
    }

    [Fact]
    public void Functions_EachRunsThePackageAsAnExecutableAssemblyNamingItsStep()
    {
        Assert.True(File.Exists(Path.Combine(SharedFolder.Repository, SamTemplate.FunctionsCodeUri, "Makefile")), "sam build needs the Makefile in CodeUri");
        var template = Template();
        Assert.Equal(SamTemplate.FunctionsCodeUri, (string?)template["Globals"]!["Function"]!["CodeUri"]);
        Assert.Equal("dotnet10", (string?)template["Globals"]!["Function"]!["Runtime"]);
        foreach (var (id, properties) in Resources("AWS::Serverless::Function"))
        {
            Assert.Equal(SamTemplate.Handler, (string?)properties["Handler"]);
            Assert.DoesNotContain("::", SamTemplate.Handler, StringComparison.Ordinal);
            Assert.Equal(id, (string?)properties["Environment"]!["Variables"]![LambdaHost.StepVariable]);
            Assert.Equal("makefile", (string?)template["Resources"]![id]!["Metadata"]!["BuildMethod"]);
        }
    }

    [Fact]
    public void Functions_ListOnlyUnderAPrefixAndUseNeitherGetItemNorTheIndex()
    {
        var statements = Resources("AWS::Serverless::Function").SelectMany(f => f.Properties["Policies"]!.AsArray().SelectMany(p => p!["Statement"]!.AsArray())).ToList();

        var lists = statements.Where(s => s!["Action"]!.AsArray().Any(a => (string?)a == "s3:ListBucket")).ToList();
        Assert.NotEmpty(lists);
        Assert.All(lists, s => Assert.NotEmpty(s!["Condition"]!["StringLike"]!["s3:prefix"]!.AsArray()));
        Assert.DoesNotContain(statements, s => s!["Action"]!.AsArray().Any(a => (string?)a == "dynamodb:GetItem"));
        Assert.DoesNotContain(statements, s => s!.ToJsonString().Contains("/index/", StringComparison.Ordinal));
    }

    [Fact]
    public void Bucket_AbortsEveryMultipartUploadLeftIncompleteAfterADay()
    {
        var (_, bucket) = Assert.Single(Resources("AWS::S3::Bucket"));
        var rules = bucket["LifecycleConfiguration"]!["Rules"]!.AsArray().Select(r => r!.AsObject()).ToList();

        var abort = Assert.Single(rules, r => r.ContainsKey("AbortIncompleteMultipartUpload"));
        Assert.Equal("Enabled", (string?)abort["Status"]);
        Assert.Equal(1, (int)abort["AbortIncompleteMultipartUpload"]!["DaysAfterInitiation"]!);
        Assert.False(abort.ContainsKey("Prefix") || abort.ContainsKey("TagFilters") || abort.ContainsKey("ObjectSizeGreaterThan"),
                     "the rule must cover the whole bucket: " + abort.ToJsonString());
    }

    [Fact]
    public void Events_EveryFunctionHasASampleEvent() =>
        Assert.All(Resources("AWS::Serverless::Function"), f =>
            Assert.True(File.Exists(Path.Combine(SharedFolder.Repository, "events", f.Id + ".json")), $"events/{f.Id}.json is missing"));
}
