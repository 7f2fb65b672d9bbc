using System.Text.Json.Nodes;
using Analytics.Cli.Deployment;
using Analytics.Functions.UploadProcessing;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>
/// "Nothing lost, someone told", in the committed template: triggers retry and keep what they cannot deliver, every
/// function and state machine has its alarms, every alarm notifies the alerts topic, and the topics' key lets the
/// alarms and EventBridge publish.
/// </summary>
public sealed class SamTemplateAlarmsTests
{
    private static readonly JsonObject Template = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, SamTemplate.FileName)))!.AsObject();

    private static readonly string[] MachineMetrics = ["ExecutionsFailed", "ExecutionsTimedOut", "ExecutionThrottled"];

    private static JsonObject Resource(string id) => Template["Resources"]![id]!.AsObject();

    private static IEnumerable<(string Id, JsonObject Resource)> Resources(string type) =>
        Template["Resources"]!.AsObject().Where(r => (string?)r.Value!["Type"] == type).Select(r => (r.Key, r.Value!.AsObject()));

    private static List<JsonObject> Alarms() => [.. Resources("AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!.AsObject())];

    /// <summary>The alarms whose metrics include <paramref name="metricName"/> with the dimension value <c>{"Ref": id}</c>.</summary>
    private static List<JsonObject> AlarmsOn(string metricName, string id) =>
        [.. Alarms().Where(a => a["Metrics"]!.AsArray().Any(m => m!["MetricStat"]?["Metric"] is { } metric
            && (string?)metric["MetricName"] == metricName
            && metric["Dimensions"]?.AsArray().Any(d => (string?)d!["Value"]!["Ref"] == id) == true))];

    [Fact]
    public void Functions_EachHasOneErrorsAndOneThrottlesAlarm()
    {
        var functions = Resources("AWS::Serverless::Function").Select(f => f.Id).ToList();

        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            Assert.Single(AlarmsOn("Errors", f));
            Assert.Single(AlarmsOn("Throttles", f));
        });
    }

    [Fact]
    public void StateMachines_EachHasFailedTimedOutAndThrottledAlarms()
    {
        var machines = Resources("AWS::Serverless::StateMachine").Select(m => m.Id).ToList();

        Assert.Equal(2, machines.Count);
        Assert.All(machines, m =>
        {
            foreach (var metric in MachineMetrics)
            {
                Assert.Single(AlarmsOn(metric, m));
            }
        });
    }

    [Fact]
    public void UploadFailures_DoNotCountRejectedFiles_WhichAlertOnTheirOwn()
    {
        foreach (var alarm in AlarmsOn("ExecutionsFailed", "UploadProcessor").Concat(AlarmsOn("Errors", "ProcessUpload")))
        {
            var metrics = alarm["Metrics"]!.AsArray();
            Assert.Contains(metrics, m => (string?)m!["MetricStat"]?["Metric"]?["MetricName"] == SamTemplate.RejectedUploadsMetric);
            Assert.Equal("FILL(total, 0) - FILL(rejected, 0)", (string?)Assert.Single(metrics, m => (bool)m!["ReturnData"]!)!["Expression"]);
        }

        Assert.Single(AlarmsOn("ExecutionsFailed", "DailyAnalysis")[0]["Metrics"]!.AsArray());
    }

    [Fact]
    public void RejectedUploads_AreCountedFromTheLineProcessUploadLogsAndAlarmed()
    {
        var filter = Assert.Single(Resources("AWS::Logs::MetricFilter")).Resource["Properties"]!;
        Assert.Equal("ProcessUploadLogs", (string?)filter["LogGroupName"]!["Ref"]);
        Assert.Equal($"\"{ProcessUploadStep.RejectedLogMarker}\"", (string?)filter["FilterPattern"]);
        var transformation = filter["MetricTransformations"]![0]!;
        Assert.Equal(SamTemplate.RejectedUploadsMetric, (string?)transformation["MetricName"]);

        var alarm = Assert.Single(Alarms(), a => a["Metrics"]!.AsArray().Count == 1
            && (string?)a["Metrics"]![0]!["MetricStat"]!["Metric"]!["MetricName"] == SamTemplate.RejectedUploadsMetric);
        Assert.Equal(transformation["MetricNamespace"]!.ToJsonString(), alarm["Metrics"]![0]!["MetricStat"]!["Metric"]!["Namespace"]!.ToJsonString());
    }

    [Fact]
    public void DeadLetterQueues_EachIsEncryptedAndHasADepthAlarm()
    {
        var queues = Resources("AWS::SQS::Queue").ToList();

        Assert.Equal([SamTemplate.UploadEventsDeadLetterQueue, SamTemplate.DailyScheduleDeadLetterQueue], queues.Select(q => q.Id));
        Assert.All(queues, q =>
        {
            Assert.True((bool)q.Resource["Properties"]!["SqsManagedSseEnabled"]!);
            var alarm = Assert.Single(Alarms(), a => a["Metrics"]![0]!["MetricStat"]!["Metric"]!["Dimensions"]?[0]?["Value"]?["Fn::GetAtt"]?[0]?.GetValue<string>() == q.Id);
            Assert.Equal("ApproximateNumberOfMessagesVisible", (string?)alarm["Metrics"]![0]!["MetricStat"]!["Metric"]!["MetricName"]);
        });
    }

    [Fact]
    public void Alarms_AllNotifyTheAlertsTopic_AreNamedAfterTheStack_AndTreatMissingDataAsFine()
    {
        var alarms = Alarms();

        Assert.Equal((Resources("AWS::Serverless::Function").Count() * 2) + (Resources("AWS::Serverless::StateMachine").Count() * 3)
                     + Resources("AWS::SQS::Queue").Count() + 1, alarms.Count); // + rejected uploads
        Assert.All(alarms, a =>
        {
            Assert.Equal("AlertsTopic", (string?)Assert.Single(a["AlarmActions"]!.AsArray())!["Ref"]);
            Assert.StartsWith("${AWS::StackName}-", (string?)a["AlarmName"]!["Fn::Sub"], StringComparison.Ordinal);
            Assert.Equal("notBreaching", (string?)a["TreatMissingData"]);
        });
        Assert.Equal(alarms.Count, alarms.Select(a => (string?)a["AlarmName"]!["Fn::Sub"]).Distinct().Count());
    }

    [Fact]
    public void Triggers_RetryThenKeepWhatTheyCannotDeliverInTheirDeadLetterQueue()
    {
        var rule = Resource("UploadProcessor")["Properties"]!["Events"]!["UploadCreated"]!["Properties"]!;
        var schedule = Resource("DailyAnalysis")["Properties"]!["Events"]!["DailySchedule"]!["Properties"]!;

        foreach (var (trigger, queue) in new[] { (rule, SamTemplate.UploadEventsDeadLetterQueue), (schedule, SamTemplate.DailyScheduleDeadLetterQueue) })
        {
            Assert.Equal(queue, (string?)trigger["DeadLetterConfig"]!["Arn"]!["Fn::GetAtt"]![0]);
            Assert.Equal(185, (int)trigger["RetryPolicy"]!["MaximumRetryAttempts"]!);
            Assert.InRange((int)trigger["RetryPolicy"]!["MaximumEventAgeInSeconds"]!, 3600, 86_400);
        }

        // EventBridge sends as itself: the queue must let exactly that rule (SAM's id: state machine + event) send.
        var statement = Resource(SamTemplate.UploadEventsDeadLetterQueue + "Policy")["Properties"]!["PolicyDocument"]!["Statement"]![0]!;
        Assert.Equal(("events.amazonaws.com", "sqs:SendMessage"), ((string?)statement["Principal"]!["Service"], (string?)statement["Action"]![0]));
        Assert.Equal("UploadProcessorUploadCreated", (string?)statement["Condition"]!["ArnEquals"]!["aws:SourceArn"]!["Fn::GetAtt"]![0]);
    }

    [Fact]
    public void Topics_UseTheRotatingCustomerManagedKey_WhichLetsCloudWatchAndEventBridgePublish()
    {
        Assert.All(Resources("AWS::SNS::Topic"), t => Assert.Equal(SamTemplate.TopicsKey, (string?)t.Resource["Properties"]!["KmsMasterKeyId"]!["Ref"]));
        var key = Resource(SamTemplate.TopicsKey)["Properties"]!;
        Assert.True((bool)key["EnableKeyRotation"]!);

        var statements = key["KeyPolicy"]!["Statement"]!.AsArray();
        Assert.Contains(statements, s => (string?)s!["Principal"]!["AWS"]?["Fn::Sub"] == "arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
        var services = Assert.Single(statements, s => s!["Principal"]!["Service"] is not null)!;
        Assert.Equal(SamTemplate.AlertPublishers, services["Principal"]!["Service"]!.AsArray().Select(p => (string)p!));
        Assert.Equal(SamTemplate.TopicKeyActions, services["Action"]!.AsArray().Select(a => (string)a!));

        var topicPolicy = Resource("AlertsTopicPolicy")["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray();
        Assert.Equal(SamTemplate.AlertPublishers, topicPolicy.Select(s => (string)s!["Principal"]!["Service"]!));
        Assert.All(topicPolicy, s => Assert.EndsWith("${AWS::StackName}-*", (string?)s!["Condition"]!["ArnLike"]!["aws:SourceArn"]!["Fn::Sub"], StringComparison.Ordinal));
    }

    [Fact]
    public void Functions_LogToTheirOwnLogGroup_NamedAfterTheStackWithRetention()
    {
        Assert.All(Resources("AWS::Serverless::Function"), f =>
        {
            var group = Resource((string)f.Resource["Properties"]!["LoggingConfig"]!["LogGroup"]!["Ref"]!);
            Assert.Equal(("Delete", "Retain"), ((string?)group["DeletionPolicy"], (string?)group["UpdateReplacePolicy"]));
            Assert.Equal($"/aws/lambda/${{AWS::StackName}}/{f.Id}", (string?)group["Properties"]!["LogGroupName"]!["Fn::Sub"]);
            Assert.Equal("LogRetentionDays", (string?)group["Properties"]!["RetentionInDays"]!["Ref"]);
        });
    }
}
