using Analytics.Functions.Hosting;

namespace Analytics.Cli.Workflows;

/// <summary>
/// The ARNs local runs give the template variables of the state machines: every step's <c>${…_lambda_arn}</c>
/// names the in-process step, every <c>${sns_…_topic_arn}</c> an outbox folder.
/// </summary>
internal static class LocalResources
{
    public const string Region = "us-east-1";
    public const string Account = "123456789012";
    public const string AlertsTopic = "analytics-alerts";
    public const string DailyReportTopic = "analytics-daily-report";

    public static string FunctionArn(string resourceName) => $"arn:aws:lambda:{Region}:{Account}:function:{resourceName}";

    public static string TopicArn(string topicName) => $"arn:aws:sns:{Region}:{Account}:{topicName}";

    /// <summary>Values for every template variable of the product's state machines.</summary>
    public static IReadOnlyDictionary<string, string> Substitutions { get; } = CreateSubstitutions();

    private static Dictionary<string, string> CreateSubstitutions()
    {
        var substitutions = StepCatalog.All.ToDictionary(s => s.ArnVariable, s => FunctionArn(s.Function.ResourceName), StringComparer.Ordinal);
        substitutions["sns_alerts_topic_arn"] = TopicArn(AlertsTopic);
        substitutions["sns_daily_report_topic_arn"] = TopicArn(DailyReportTopic);
        return substitutions;
    }
}
