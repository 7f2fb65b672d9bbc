using System.Text.Json.Nodes;

namespace Analytics.Cli.Deployment;

/// <summary>
/// Where failures go: the customer-managed key of the topics (CloudWatch alarms and EventBridge cannot publish to a
/// topic under the AWS-managed <c>alias/aws/sns</c>, whose policy nobody can edit), the alerts topic's policy, and the
/// dead-letter queues of the two triggers with the retry policies that come before them.
/// </summary>
internal static partial class SamTemplate
{
    /// <summary>The customer-managed key of both topics (the daily report carries sales figures: same control, same audit).</summary>
    public const string TopicsKey = "TopicsKey";
    public const string AlertsTopic = "AlertsTopic";
    public const string UploadEventsDeadLetterQueue = "UploadEventsDeadLetterQueue";
    public const string DailyScheduleDeadLetterQueue = "DailyScheduleDeadLetterQueue";

    /// <summary>SAM names the rule of an <c>EventBridgeRule</c> event "state machine id + event id".</summary>
    private const string UploadRule = "UploadProcessorUploadCreated";

    /// <summary>The KMS actions a publisher to an encrypted topic needs on its key (SNS SSE).</summary>
    internal static readonly string[] TopicKeyActions = ["kms:GenerateDataKey*", "kms:Decrypt"];

    /// <summary>The service principals that publish to the alerts topic besides the state machines' roles.</summary>
    internal static readonly string[] AlertPublishers = ["cloudwatch.amazonaws.com", "events.amazonaws.com"];

    private static IEnumerable<(string Id, JsonObject Resource)> AlertingResources()
    {
        yield return (TopicsKey, TopicsKeyResource());
        yield return (TopicsKey + "Alias", new JsonObject
        {
            ["Type"] = "AWS::KMS::Alias",
            ["Properties"] = new JsonObject { ["AliasName"] = Sub("alias/${AWS::StackName}-topics"), ["TargetKeyId"] = Ref(TopicsKey) },
        });
        yield return (AlertsTopic + "Policy", AlertsTopicPolicy());
        yield return (UploadEventsDeadLetterQueue, DeadLetterQueue());
        yield return (UploadEventsDeadLetterQueue + "Policy", UploadDeadLetterQueuePolicy());
        yield return (DailyScheduleDeadLetterQueue, DeadLetterQueue());
    }

    /// <summary>The account administers the key and grants it through IAM (the state machines' roles); CloudWatch and
    /// EventBridge get the data-key calls SNS makes for them. They can use it only through a topic whose policy lets them
    /// publish: the alerts topic's.</summary>
    private static JsonObject TopicsKeyResource()
    {
        var services = Statement(new JsonArray([.. TopicKeyActions.Select(a => (JsonNode)a)]), new JsonArray("*"));
        services["Sid"] = "AlarmsAndEventBridgeMayPublishToTheTopics";
        services["Principal"] = new JsonObject { ["Service"] = new JsonArray([.. AlertPublishers.Select(p => (JsonNode)p)]) };
        return new JsonObject
        {
            ["Type"] = "AWS::KMS::Key",
            ["DeletionPolicy"] = "Delete", // scheduled for deletion after KMS's waiting period; topics keep no messages
            ["UpdateReplacePolicy"] = "Retain",
            ["Properties"] = new JsonObject
            {
                ["Description"] = Sub("${AWS::StackName}: SNS topics (alerts, daily report)"),
                ["EnableKeyRotation"] = true,
                ["KeyPolicy"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(
                        new JsonObject
                        {
                            ["Sid"] = "AccountAdministersTheKeyAndGrantsItThroughIam",
                            ["Effect"] = "Allow",
                            ["Principal"] = new JsonObject { ["AWS"] = Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root") },
                            ["Action"] = "kms:*",
                            ["Resource"] = "*",
                        },
                        services),
                },
            },
        };
    }

    /// <summary>Alarms and EventBridge rules of this stack may publish alerts (their names start with the stack name);
    /// the state machines publish through their roles, which is enough within the account.</summary>
    private static JsonObject AlertsTopicPolicy()
    {
        JsonObject Allow(string sid, string service, string sourceArn)
        {
            var statement = Statement(new JsonArray("sns:Publish"), new JsonArray(Ref(AlertsTopic)));
            statement["Sid"] = sid;
            statement["Principal"] = new JsonObject { ["Service"] = service };
            statement["Condition"] = new JsonObject { ["ArnLike"] = new JsonObject { ["aws:SourceArn"] = Sub(sourceArn) } };
            return statement;
        }

        return new JsonObject
        {
            ["Type"] = "AWS::SNS::TopicPolicy",
            ["Properties"] = new JsonObject
            {
#pragma warning disable CA1507 // the CloudFormation property, not this class's Topics
                ["Topics"] = new JsonArray(Ref(AlertsTopic)),
#pragma warning restore CA1507
                ["PolicyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(
                        Allow("StackAlarmsPublish", AlertPublishers[0], "arn:${AWS::Partition}:cloudwatch:${AWS::Region}:${AWS::AccountId}:alarm:${AWS::StackName}-*"),
                        Allow("StackRulesPublish", AlertPublishers[1], "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${AWS::StackName}-*")),
                },
            },
        };
    }

    /// <summary>Events that could not start an execution after every retry: kept 14 days (the SQS maximum), SQS-managed
    /// encryption (no key policy for the senders to need).</summary>
    private static JsonObject DeadLetterQueue() => new()
    {
        ["Type"] = "AWS::SQS::Queue",
        ["DeletionPolicy"] = "Delete",
        ["UpdateReplacePolicy"] = "Retain",
        ["Properties"] = new JsonObject
        {
            ["MessageRetentionPeriod"] = 1_209_600,
            ["SqsManagedSseEnabled"] = true,
        },
    };

    /// <summary>EventBridge sends to a rule's dead-letter queue as itself, so the queue policy must allow it, for that rule
    /// only (SAM writes this policy only for queues it creates). Scheduler sends with the schedule's role instead, to
    /// which SAM adds <c>sqs:SendMessage</c> on the queue it is given.</summary>
    private static JsonObject UploadDeadLetterQueuePolicy()
    {
        var statement = Statement(new JsonArray("sqs:SendMessage"), new JsonArray(GetAtt(UploadEventsDeadLetterQueue, "Arn")));
        statement["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" };
        statement["Condition"] = new JsonObject { ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = GetAtt(UploadRule, "Arn") } };
        return new JsonObject
        {
            ["Type"] = "AWS::SQS::QueuePolicy",
            ["Properties"] = new JsonObject
            {
                ["Queues"] = new JsonArray(Ref(UploadEventsDeadLetterQueue)),
                ["PolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statement) },
            },
        };
    }

    /// <summary>The statement a state machine's role needs to publish to the encrypted topics.</summary>
    private static JsonObject TopicKeyPolicy() => new()
    {
        ["Statement"] = new JsonArray(Statement(new JsonArray([.. TopicKeyActions.Select(a => (JsonNode)a)]), new JsonArray(GetAtt(TopicsKey, "Arn")))),
    };

    /// <summary>A trigger's retries and where its event goes when they are spent: a file waits in S3, so its event is retried
    /// for a day (the longest EventBridge allows); a daily run that cannot start within 6 hours is better run by hand.</summary>
    private static void Deliver(JsonObject properties, string queue, int maximumEventAgeSeconds)
    {
        properties["RetryPolicy"] = new JsonObject { ["MaximumEventAgeInSeconds"] = maximumEventAgeSeconds, ["MaximumRetryAttempts"] = 185 };
        properties["DeadLetterConfig"] = new JsonObject { ["Arn"] = GetAtt(queue, "Arn") };
    }
}
