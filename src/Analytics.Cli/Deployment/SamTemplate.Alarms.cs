using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;
using Analytics.Functions.UploadProcessing;

namespace Analytics.Cli.Deployment;

/// <summary>
/// Who is told: a CloudWatch alarm per failure mode, named after the stack, notifying the alerts topic. Every function
/// has its log group (retention <c>LogRetentionDays</c>) and errors and throttles alarms; every state machine failed,
/// timed-out and throttled alarms; each dead-letter queue a depth alarm; and rejected uploads, counted from the line
/// ProcessUpload logs per rejection, have theirs. Periods are 5 minutes; missing data (nothing ran) is not breaching.
/// </summary>
internal static partial class SamTemplate
{
    /// <summary>The custom metric of rejected uploads: namespace carries the stack name, so two stacks never mix.</summary>
    public const string RejectedUploadsMetric = "RejectedUploads";

    private const int AlarmPeriodSeconds = 300;

    /// <summary>Errors of one function in 5 minutes that mean more than one call's transient fault, which the state
    /// machines retry (3 retries: a call failing for good gives 4).</summary>
    internal const int FunctionErrorsThreshold = 3;

    /// <summary>Rejected files in an hour that point at a systematic cause (a point-of-sale export changed) rather than a
    /// store's mistake; each rejection is also alerted on its own.</summary>
    internal const int RejectedUploadsThreshold = 10;

    private static JsonObject RejectedNamespace() => Sub("RetailAnalytics/${AWS::StackName}");

    /// <summary>The log group of a function, declared so it has a retention and goes with the stack.</summary>
    private static string LogGroupOf(StepDescriptor step) => step.Function.ResourceName + "Logs";

    private static JsonObject FunctionLogGroup(StepDescriptor step) => new()
    {
        ["Type"] = "AWS::Logs::LogGroup",
        ["DeletionPolicy"] = "Delete",
        ["UpdateReplacePolicy"] = "Retain",
        ["Properties"] = new JsonObject
        {
            ["LogGroupName"] = Sub($"/aws/lambda/${{AWS::StackName}}/{step.Function.ResourceName}"),
            ["RetentionInDays"] = Ref("LogRetentionDays"),
        },
    };

    /// <summary>A function's <c>LoggingConfig</c>: its own log group (merged by SAM with the global log format). The
    /// group names no function, so the function may depend on it without a cycle.</summary>
    private static JsonObject FunctionLogging(StepDescriptor step) => new() { ["LogGroup"] = Ref(LogGroupOf(step)) };

    private static bool Rejects(StepDescriptor step) => step.StepType == typeof(ProcessUploadStep);

    private static IEnumerable<(string Id, JsonObject Resource)> AlarmResources(IReadOnlyList<StepDescriptor> steps, IReadOnlyList<Workflow> workflows)
    {
        var rejecting = steps.Single(Rejects);
        yield return ("RejectedUploadsMetricFilter", new JsonObject
        {
            ["Type"] = "AWS::Logs::MetricFilter",
            ["Properties"] = new JsonObject
            {
                ["LogGroupName"] = Ref(LogGroupOf(rejecting)),
                ["FilterPattern"] = $"\"{ProcessUploadStep.RejectedLogMarker}\"",
                ["MetricTransformations"] = new JsonArray(new JsonObject
                {
                    ["MetricNamespace"] = RejectedNamespace(), ["MetricName"] = RejectedUploadsMetric, ["MetricValue"] = "1", ["Unit"] = "Count",
                }),
            },
        });
        yield return ("RejectedUploadsAlarm", Alarm("rejected-uploads",
            $"{RejectedUploadsThreshold} or more uploaded files were rejected within an hour (each one also sent its own alert).",
            Metric(RejectedNamespace(), RejectedUploadsMetric, null, 3600), RejectedUploadsThreshold));

        foreach (var step in steps)
        {
            var name = step.Function.ResourceName;
            var function = new JsonObject { ["Name"] = "FunctionName", ["Value"] = Ref(name) };
            var errors = Metric("AWS/Lambda", "Errors", function);
            yield return (name + "ErrorsAlarm", Alarm($"{name}-errors",
                $"Function {name} failed {FunctionErrorsThreshold} or more times in 5 minutes" + (Rejects(step) ? ", not counting rejected files." : "."),
                Rejects(step) ? WithoutRejections(errors) : errors, FunctionErrorsThreshold));
            yield return (name + "ThrottlesAlarm", Alarm($"{name}-throttles",
                $"Function {name} was throttled in each of 3 consecutive 5-minute periods: retries are not absorbing it.",
                Metric("AWS/Lambda", "Throttles", function), 1, periods: 3));
        }

        foreach (var workflow in workflows)
        {
            var machine = new JsonObject { ["Name"] = "StateMachineArn", ["Value"] = Ref(workflow.LogicalId) };
            var failed = Metric("AWS/States", "ExecutionsFailed", machine);
            var rejects = VariablesOf(workflow.Definition).Contains(steps.Single(Rejects).ArnVariable, StringComparer.Ordinal);
            yield return (workflow.LogicalId + "FailedAlarm", Alarm($"{workflow.Name}-failed",
                $"An execution of {workflow.Name} failed" + (rejects ? " for another reason than a rejected file." : "."),
                rejects ? WithoutRejections(failed) : failed, 1));
            yield return (workflow.LogicalId + "TimedOutAlarm", Alarm($"{workflow.Name}-timed-out",
                $"An execution of {workflow.Name} timed out.", Metric("AWS/States", "ExecutionsTimedOut", machine), 1));
            yield return (workflow.LogicalId + "ThrottledAlarm", Alarm($"{workflow.Name}-throttled",
                $"Step Functions throttled state transitions or retries of {workflow.Name}.", Metric("AWS/States", "ExecutionThrottled", machine), 1));
        }

        foreach (var (queue, what) in new[] { (UploadEventsDeadLetterQueue, "upload events that never started upload-processor"),
                                              (DailyScheduleDeadLetterQueue, "daily runs the schedule could not start") })
        {
            var depth = Metric("AWS/SQS", "ApproximateNumberOfMessagesVisible", new JsonObject { ["Name"] = "QueueName", ["Value"] = GetAtt(queue, "QueueName") });
            depth["MetricStat"]!["Stat"] = "Maximum";
            yield return (queue + "Alarm", Alarm($"{queue}-not-empty", $"The dead-letter queue holds {what}.", depth, 1));
        }
    }

    /// <summary>One metric of a metric-math alarm (<paramref name="dimension"/> null: the metric has none).</summary>
    private static JsonObject Metric(JsonNode metricNamespace, string name, JsonObject? dimension, int period = AlarmPeriodSeconds)
    {
        var metric = new JsonObject { ["Namespace"] = metricNamespace, ["MetricName"] = name };
        if (dimension is not null)
        {
            metric["Dimensions"] = new JsonArray(dimension.DeepClone());
        }

        return new JsonObject
        {
            ["Id"] = "m",
            ["MetricStat"] = new JsonObject { ["Metric"] = metric, ["Period"] = period, ["Stat"] = "Sum" },
            ["ReturnData"] = true,
        };
    }

    /// <summary>A count minus the rejected uploads of the same period: a rejected file fails its execution (and its
    /// ProcessUpload call) on purpose, and is alerted on its own.</summary>
    private static JsonArray WithoutRejections(JsonObject count)
    {
        count["Id"] = "total";
        count["ReturnData"] = false;
        var rejected = Metric(RejectedNamespace(), RejectedUploadsMetric, null);
        rejected["Id"] = "rejected";
        rejected["ReturnData"] = false;
        return new JsonArray(count, rejected, new JsonObject
        {
            ["Id"] = "other", ["Expression"] = "FILL(total, 0) - FILL(rejected, 0)", ["Label"] = "Not explained by rejected files", ["ReturnData"] = true,
        });
    }

    private static JsonObject Alarm(string name, string description, JsonNode metrics, int threshold, int periods = 1) => new()
    {
        ["Type"] = "AWS::CloudWatch::Alarm",
        ["Properties"] = new JsonObject
        {
            ["AlarmName"] = Sub($"${{AWS::StackName}}-{name}"),
            ["AlarmDescription"] = description,
            ["Metrics"] = metrics is JsonArray ? metrics : new JsonArray(metrics),
            ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
            ["Threshold"] = threshold,
            ["EvaluationPeriods"] = periods,
            ["DatapointsToAlarm"] = periods,
            ["TreatMissingData"] = "notBreaching",
            ["AlarmActions"] = new JsonArray(Ref(AlertsTopic)),
        },
    };
}
