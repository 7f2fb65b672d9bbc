using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Domain.AiReview;
using Analytics.Domain.Analysis;
using Analytics.Functions.Aws;
using Analytics.Functions.Hosting;
using Analytics.Functions.Hosting.Runtime;

namespace Analytics.Cli.Deployment;

/// <summary>
/// Writes <c>serverless.template</c>, the AWS SAM template of the whole product, from the steps'
/// <see cref="LambdaFunctionAttribute"/>s and the state machine definitions: one function per step with exactly the
/// table and bucket access it declares, the table (as the adapter defines it), the bucket, the topics, both state
/// machines with a substitution for every <c>${…}</c> of their definitions and a role that may invoke exactly the
/// functions and publish to exactly the topics they use, and their triggers. Deterministic: the same code gives the
/// same bytes, so a test can compare the committed file with a fresh generation.
/// </summary>
internal static partial class SamTemplate
{
    public const string FileName = "serverless.template";
    public const string FunctionsCodeUri = "src/Analytics.Functions/";

    /// <summary>
    /// Every function's handler: the executable assembly the managed runtime runs with <c>dotnet exec</c> (a handler
    /// without <c>::</c>); <see cref="LambdaHost.StepVariable"/> tells each function which step it is.
    /// </summary>
    public const string Handler = "Analytics.Functions";
    public const string Table = "SalesTable";
    public const string Bucket = "DataBucket";

    /// <summary>The state machines' log level; by default ALL, as the product asks CloudWatch Logs to capture all
    /// execution details.</summary>
    public const string LogLevelParameter = "StateMachineLogLevel";

    /// <summary>"true" or "false": whether the logged events carry the states' data, independently of the level.</summary>
    public const string ExecutionDataParameter = "StateMachineLogExecutionData";

    private const string LogsExecutionData = "LogsExecutionData";

    /// <summary>A state machine of the product: its logical id, its definition file and what starts it.</summary>
    public sealed record Workflow(string LogicalId, string Name, string DefinitionUri, string Definition, JsonObject Events);

    /// <summary>The topics the definitions publish to, by template variable.</summary>
    public static IReadOnlyDictionary<string, string> Topics { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["sns_alerts_topic_arn"] = "AlertsTopic",
        ["sns_daily_report_topic_arn"] = "DailyReportTopic",
    };

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Variable();

    /// <summary>The <c>${…}</c> variables of a definition, sorted.</summary>
    public static IReadOnlyList<string> VariablesOf(string definition) =>
        [.. Variable().Matches(definition).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static JsonObject Generate(IReadOnlyList<StepDescriptor> steps, IReadOnlyList<Workflow> workflows)
    {
        var resources = new JsonObject();
        foreach (var step in steps)
        {
            resources[step.Function.ResourceName] = Function(step);
            resources[LogGroupOf(step)] = FunctionLogGroup(step);
        }

        resources[Table] = SalesTableResource();
        resources[Bucket] = BucketResource();
        resources[Bucket + "Policy"] = TlsOnlyBucketPolicy();
        foreach (var (topic, subject, parameter) in new[] { ("AlertsTopic", "alerts", "AlertEmail"), ("DailyReportTopic", "daily report", "ReportEmail") })
        {
            resources[topic] = new JsonObject
            {
                ["Type"] = "AWS::SNS::Topic",
                ["Properties"] = new JsonObject
                {
                    ["DisplayName"] = $"Retail analytics {subject}",
                    ["KmsMasterKeyId"] = Ref(TopicsKey),
                },
            };
            resources[topic + "EmailSubscription"] = new JsonObject
            {
                ["Type"] = "AWS::SNS::Subscription",
                ["Condition"] = "Has" + parameter,
                ["Properties"] = new JsonObject { ["TopicArn"] = Ref(topic), ["Protocol"] = "email", ["Endpoint"] = Ref(parameter) },
            };
        }

        foreach (var (id, resource) in AlertingResources().Concat(AlarmResources(steps, workflows)))
        {
            resources[id] = resource;
        }

        AddQuickSight(resources);
        foreach (var (id, resource) in UploaderResources())
        {
            resources[id] = resource;
        }

        foreach (var workflow in workflows)
        {
            // Its name is the stack's: kept after the stack, it would block a new stack of the same name, hence Delete.
            resources[workflow.LogicalId + "Logs"] = new JsonObject
            {
                ["Type"] = "AWS::Logs::LogGroup",
                ["DeletionPolicy"] = "Delete",
                ["UpdateReplacePolicy"] = "Delete",
                ["Properties"] = new JsonObject
                {
                    ["LogGroupName"] = Sub($"/aws/vendedlogs/states/${{AWS::StackName}}-{workflow.Name}"),
                    ["RetentionInDays"] = Ref("LogRetentionDays"),
                },
            };
            resources[workflow.LogicalId] = StateMachine(workflow, steps);
        }

        return new JsonObject
        {
            ["AWSTemplateFormatVersion"] = "2010-09-09",
            ["Transform"] = "AWS::Serverless-2016-10-31",
            ["Description"] = "Retail sales analytics: store uploads ingested into DynamoDB (upload-processor) and a daily AI-assisted analysis of the chain e-mailed through SNS and exported for QuickSight (daily-analysis). Generated by 'analytics template'; do not edit by hand.",
            ["Parameters"] = Parameters(),
            ["Conditions"] = new JsonObject
            {
                ["HasAlertEmail"] = NotEmpty("AlertEmail"),
                ["HasReportEmail"] = NotEmpty("ReportEmail"),
                [LogsExecutionData] = IsValue(ExecutionDataParameter, "true"),
                [HasQuickSight] = NotEmpty(QuickSightPrincipalParameter),
                [HasPrincipalsCondition(StoreUploaderPrincipalsParameter)] = HasPrincipals(StoreUploaderPrincipalsParameter),
                [HasPrincipalsCondition(HeadOfficeUploaderPrincipalsParameter)] = HasPrincipals(HeadOfficeUploaderPrincipalsParameter),
            },
            ["Globals"] = Globals(),
            ["Resources"] = resources,
            ["Outputs"] = Outputs(workflows),
        };
    }

    private static JsonObject Parameters() => new()
    {
        ["AlertEmail"] = Parameter("E-mail address subscribed to the alerts topic (failures, partial AI failures, no data). Empty: subscribe later.", ""),
        ["ReportEmail"] = Parameter("E-mail address subscribed to the daily report topic. Empty: subscribe later.", ""),
        ["ChainTimeZone"] = Parameter("The chain's IANA time zone: business dates, 'yesterday' for scheduled runs, and the schedule's zone.", "UTC"),
        ["ClosedDates"] = Parameter("Dates the whole chain is closed (public holidays), as yyyy-MM-dd separated by commas: the sales forecast gives them 0 and leaves them out of what it learns from. Empty: none.", ""),
        ["DailySchedule"] = Parameter("When the daily analysis runs (EventBridge Scheduler expression, in ChainTimeZone).", "cron(0 6 * * ? *)"),
        ["UploadCutoff"] = Parameter("Until when, as HH:mm in ChainTimeZone on the morning after the business date, the scheduled daily analysis waits (checking every 15 minutes) for the stores expected to upload, before it runs and says who is missing. Empty: no waiting.", "10:00", allowedPattern: "^(([01][0-9]|2[0-3]):[0-5][0-9])?$"),
        ["ModelId"] = Parameter("Amazon Bedrock model id or inference profile for the AI steps. Empty: statistics only.", ""),
        ["LogRetentionDays"] = new JsonObject
        {
            ["Type"] = "Number",
            ["Description"] = "Days the functions' logs and the state machines' execution logs are kept.",
            ["Default"] = 30,
            ["AllowedValues"] = new JsonArray(7, 14, 30, 60, 90, 180, 365),
        },
        [LogLevelParameter] = Choice("Which execution history events the state machines log: ALL, ERROR, FATAL or OFF.", "ALL", "ALL", "ERROR", "FATAL", "OFF"),
        [ExecutionDataParameter] = Choice("Whether the logged events include the states' input and output (uploaded names, findings, the model's answers).",
                                          "true", "true", "false"),
        [QuickSightPrincipalParameter] = Parameter("ARN of the QuickSight user or group that owns a data source and a data set per exported dataset. Empty: no QuickSight resources.", ""),
        [StoreUploaderPrincipalsParameter] = UploaderParameter("store-uploader (with a store_id session tag)"),
        [HeadOfficeUploaderPrincipalsParameter] = UploaderParameter("head-office-uploader"),
    };

    private static JsonObject Choice(string description, string defaultValue, params string[] allowed) => new()
    {
        ["Type"] = "String",
        ["Description"] = description,
        ["Default"] = defaultValue,
        ["AllowedValues"] = new JsonArray([.. allowed.Select(a => (JsonNode)a)]),
    };

    /// <param name="allowedPattern">A regular expression CloudFormation checks the value against before it deploys anything.</param>
    private static JsonObject Parameter(string description, string defaultValue, string? allowedPattern = null)
    {
        var parameter = new JsonObject { ["Type"] = "String", ["Description"] = description, ["Default"] = defaultValue };
        if (allowedPattern is not null)
        {
            parameter["AllowedPattern"] = allowedPattern;
        }

        return parameter;
    }

    private static JsonObject Globals() => new()
    {
        ["Function"] = new JsonObject
        {
            ["Runtime"] = "dotnet10",
            ["CodeUri"] = FunctionsCodeUri,
            ["Architectures"] = new JsonArray("x86_64"),
            ["Tracing"] = "Active",
            ["LoggingConfig"] = new JsonObject { ["LogFormat"] = "JSON" },
            ["Environment"] = new JsonObject
            {
                ["Variables"] = new JsonObject
                {
                    [$"{StorageOptions.SectionName}__{nameof(StorageOptions.SalesTable)}"] = Ref(Table),
                    [$"{StorageOptions.SectionName}__{nameof(StorageOptions.BucketName)}"] = Ref(Bucket),
                    [$"{AnalysisOptions.Section}__{nameof(AnalysisOptions.TimeZone)}"] = Ref("ChainTimeZone"),
                    [$"{AnalysisOptions.Section}__{nameof(AnalysisOptions.ClosedDates)}__0"] = Ref("ClosedDates"),
                    [$"{AnalysisOptions.Section}__{nameof(AnalysisOptions.UploadCutoff)}"] = Ref("UploadCutoff"),
                    [$"{ModelOptions.Section}__{nameof(ModelOptions.Id)}"] = Ref("ModelId"),
                },
            },
        },
    };

    private static JsonObject Function(StepDescriptor step)
    {
        var f = step.Function;
        return new JsonObject
        {
            ["Type"] = "AWS::Serverless::Function",
            // sam build runs `make build-<logical id>` with the Makefile in CodeUri: a ReadyToRun `dotnet publish`.
            ["Metadata"] = new JsonObject { ["BuildMethod"] = "makefile" },
            ["Properties"] = new JsonObject
            {
                ["Handler"] = Handler,
                ["Description"] = $"Step {f.ResourceName}",
                ["MemorySize"] = f.MemorySize,
                ["Timeout"] = f.Timeout,
                ["Environment"] = new JsonObject { ["Variables"] = new JsonObject { [LambdaHost.StepVariable] = f.ResourceName } },
                ["LoggingConfig"] = FunctionLogging(step),
                ["Policies"] = new JsonArray(new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray([.. Statements(f)]),
                }),
            },
        };
    }

    /// <summary>
    /// The least-privilege statements of one function: exactly the calls its adapters make, on its prefixes. The table's
    /// index is granted to none: only <c>GetStoreHistoryAsync</c> queries it, and no step calls that. No function may list
    /// the whole bucket (every key name in it): each lists only its prefixes, which is also how it asks for a key that may
    /// be missing (see <see cref="LambdaFunctionAttribute.Lists"/>). The tests run every step against stores that enforce
    /// these statements (tests/Analytics.Cli.Tests/Iam).
    /// </summary>
    internal static IEnumerable<JsonObject> Statements(LambdaFunctionAttribute f)
    {
        if (f.SalesTable != TableAccess.None)
        {
            JsonArray actions = ["dynamodb:Query"];
            if (f.SalesTable == TableAccess.ReadWrite)
            {
                // Staging and clean-up batch-write, clean-up reads commit markers, and a commit's markers are the Puts of
                // TransactWriteItems, which IAM authorises as PutItem (AWS: "Using IAM with DynamoDB transactions").
                actions.Add("dynamodb:BatchGetItem");
                actions.Add("dynamodb:BatchWriteItem");
                actions.Add("dynamodb:PutItem");
            }

            yield return Statement(actions, new JsonArray(GetAtt(Table, "Arn")));
        }

        foreach (var (action, prefixes) in new[] { ("s3:GetObject", f.Reads), ("s3:PutObject", f.Writes), ("s3:DeleteObject", f.Deletes) })
        {
            if (prefixes.Length > 0)
            {
                yield return Statement(new JsonArray(action), new JsonArray([.. prefixes.Select(p => Sub($"arn:${{AWS::Partition}}:s3:::${{{Bucket}}}/{p}*"))]));
            }
        }

        if (f.UsesModel)
        {
            // The model id may be a foundation model (any region serves it) or an inference profile of this account and region.
            const string profile = "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:inference-profile/${ModelId}";
            yield return Statement(new JsonArray("bedrock:InvokeModel"), new JsonArray(
                Sub("arn:${AWS::Partition}:bedrock:*::foundation-model/${ModelId}"), Sub(profile)));

            // A cross-Region profile (us.…, eu.…, global.…) routes the call to its foundation model in a destination Region,
            // which IAM checks too: any foundation model, but only when called through the configured profile.
            var routed = Statement(new JsonArray("bedrock:InvokeModel"), new JsonArray(Sub("arn:${AWS::Partition}:bedrock:*::foundation-model/*")));
            routed["Condition"] = new JsonObject { ["ArnLike"] = new JsonObject { ["bedrock:InferenceProfileArn"] = Sub(profile) } };
            yield return routed;
        }

        if (f.Lists.Length > 0)
        {
            var statement = Statement(new JsonArray("s3:ListBucket"), new JsonArray(Sub($"arn:${{AWS::Partition}}:s3:::${{{Bucket}}}")));
            statement["Condition"] = new JsonObject
            {
                ["StringLike"] = new JsonObject { ["s3:prefix"] = new JsonArray([.. f.Lists.Select(p => (JsonNode)(p + "*"))]) },
            };
            yield return statement;
        }
    }

    private static JsonObject Statement(JsonArray actions, JsonArray resources) =>
        new() { ["Effect"] = "Allow", ["Action"] = actions, ["Resource"] = resources };

    private static JsonObject Outputs(IReadOnlyList<Workflow> workflows)
    {
        var outputs = new JsonObject
        {
            ["DataBucketName"] = Output("The bucket: upload files under uploads/; reports under reports/; QuickSight exports under exports/quicksight/.", Ref(Bucket)),
            ["SalesTableName"] = Output("The DynamoDB table of sales.", Ref(Table)),
            ["AlertsTopicArn"] = Output("SNS topic of alerts.", Ref("AlertsTopic")),
            ["DailyReportTopicArn"] = Output("SNS topic of the daily report e-mail.", Ref("DailyReportTopic")),
            [StoreUploaderRole + "Arn"] = Output("Role a store assumes, with its store_id as a session tag, to upload under uploads/<store_id>/.",
                                                 GetAtt(StoreUploaderRole, "Arn")),
            [HeadOfficeUploaderRole + "Arn"] = Output("Role head office assumes to upload anywhere under uploads/.", GetAtt(HeadOfficeUploaderRole, "Arn")),
        };
        foreach (var workflow in workflows)
        {
            outputs[workflow.LogicalId + "Arn"] = Output($"The {workflow.Name} state machine.", Ref(workflow.LogicalId));
        }

        return outputs;
    }

    private static JsonObject Output(string description, JsonNode value) => new() { ["Description"] = description, ["Value"] = value };

    private static JsonObject Ref(string name) => new() { ["Ref"] = name };

    private static JsonObject GetAtt(string resource, string attribute) => new() { ["Fn::GetAtt"] = new JsonArray(resource, attribute) };

    private static JsonObject Sub(string text) => new() { ["Fn::Sub"] = text };

    private static JsonObject IsValue(string parameter, string value) =>
        new() { ["Fn::Equals"] = new JsonArray(Ref(parameter), value) };

    private static JsonObject NotEmpty(string parameter) => new() { ["Fn::Not"] = new JsonArray(IsValue(parameter, "")) };
}
