using System.Text.Json.Nodes;
using Analytics.Cli.Workflows;
using Analytics.Functions.Hosting;

namespace Analytics.Cli.Deployment;

/// <summary>The workflows: each state machine with its substitutions, role and logging, and what starts them (the upload rule, the daily schedule).</summary>
internal static partial class SamTemplate
{
    private static JsonObject StateMachine(Workflow workflow, IReadOnlyList<StepDescriptor> steps)
    {
        var substitutions = new JsonObject();
        var policies = new JsonArray();
        foreach (var variable in VariablesOf(workflow.Definition))
        {
            if (steps.FirstOrDefault(s => s.ArnVariable == variable) is { } step)
            {
                substitutions[variable] = GetAtt(step.Function.ResourceName, "Arn");
                policies.Add(new JsonObject { ["LambdaInvokePolicy"] = new JsonObject { ["FunctionName"] = Ref(step.Function.ResourceName) } });
            }
            else if (Topics.TryGetValue(variable, out var topic))
            {
                substitutions[variable] = Ref(topic);
                policies.Add(new JsonObject { ["SNSPublishMessagePolicy"] = new JsonObject { ["TopicName"] = GetAtt(topic, "TopicName") } });
                if (!policies.Any(p => JsonNode.DeepEquals(p, TopicKeyPolicy())))
                {
                    policies.Add(TopicKeyPolicy());
                }
            }
            else
            {
                throw new InvalidOperationException($"{workflow.DefinitionUri} uses ${{{variable}}}, which is neither a step's function nor a topic.");
            }
        }

        policies.Add(LogDeliveryPolicy());
        return new JsonObject
        {
            ["Type"] = "AWS::Serverless::StateMachine",
            ["Properties"] = new JsonObject
            {
                ["Name"] = Sub($"${{AWS::StackName}}-{workflow.Name}"),
                ["Type"] = "STANDARD",
                ["DefinitionUri"] = workflow.DefinitionUri,
                ["DefinitionSubstitutions"] = substitutions,
                ["Policies"] = policies,
                ["Logging"] = new JsonObject
                {
                    ["Level"] = Ref(LogLevelParameter),
                    ["IncludeExecutionData"] = new JsonObject { ["Fn::If"] = new JsonArray(LogsExecutionData, true, false) },
                    ["Destinations"] = new JsonArray(new JsonObject
                    {
                        ["CloudWatchLogsLogGroup"] = new JsonObject { ["LogGroupArn"] = GetAtt(workflow.LogicalId + "Logs", "Arn") },
                    }),
                },
                ["Tracing"] = new JsonObject { ["Enabled"] = true },
                ["Events"] = workflow.Events,
            },
        };
    }

    /// <summary>The actions "Logging using CloudWatch Logs" of the Step Functions guide lists for a state machine's role
    /// (SAM adds none for <c>Logging</c>); CloudWatch Logs' delivery actions take no resource ARN, hence <c>*</c>.</summary>
    internal static readonly string[] LogDeliveryActions =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery", "logs:ListLogDeliveries",
        "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    ];

    private static JsonObject LogDeliveryPolicy() => new()
    {
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. LogDeliveryActions.Select(a => (JsonNode)a)]),
            ["Resource"] = "*",
        }),
    };

    /// <summary>upload-processor starts on every object created under <c>uploads/</c>; daily-analysis on the schedule.</summary>
    public static JsonObject UploadEvents()
    {
        var properties = new JsonObject
        {
            ["Pattern"] = new JsonObject
            {
                ["source"] = new JsonArray("aws.s3"),
                ["detail-type"] = new JsonArray("Object Created"),
                ["detail"] = new JsonObject
                {
                    ["bucket"] = new JsonObject { ["name"] = new JsonArray(Ref(Bucket)) },
                    ["object"] = new JsonObject { ["key"] = new JsonArray(new JsonObject { ["prefix"] = "uploads/" }) },
                },
            },
        };
        Deliver(properties, UploadEventsDeadLetterQueue, 86_400);
        return new JsonObject { ["UploadCreated"] = new JsonObject { ["Type"] = "EventBridgeRule", ["Properties"] = properties } };
    }

    public static JsonObject DailyEvents()
    {
        var properties = new JsonObject
        {
            ["Name"] = Sub($"${{AWS::StackName}}-{LocalWorkflows.DailyAnalysis}"),
            ["ScheduleExpression"] = Ref("DailySchedule"),
            ["ScheduleExpressionTimezone"] = Ref("ChainTimeZone"),
            ["Input"] = "{}",
            ["Description"] = "The daily analysis of yesterday, in the chain's time zone",
        };
        Deliver(properties, DailyScheduleDeadLetterQueue, 21_600);
        return new JsonObject { ["DailySchedule"] = new JsonObject { ["Type"] = "ScheduleV2", ["Properties"] = properties } };
    }
}
