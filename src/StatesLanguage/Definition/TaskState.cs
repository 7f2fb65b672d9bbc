using StatesLanguage.Evaluation.Templates;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Definition;

/// <summary>Task: invokes <see cref="Resource"/> through the execution's <see cref="ITaskInvoker"/>.</summary>
public sealed record TaskState(string Name, string Resource) : StateDefinition(Name)
{
    public override string Type => "Task";

    public ResultHandling Data { get; init; } = ResultHandling.Default;

    public ErrorHandling Errors { get; init; } = ErrorHandling.None;

    /// <summary>Seconds before States.Timeout; null for no limit (AWS default is 99999999).</summary>
    public int? TimeoutSeconds { get; init; }

    public JsonPathExpression? TimeoutSecondsPath { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public JsonPathExpression? HeartbeatSecondsPath { get; init; }

    /// <summary>JSONata <c>TimeoutSeconds</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? TimeoutSecondsExpression { get; init; }

    /// <summary>JSONata <c>HeartbeatSeconds</c> given as a <c>{% … %}</c> expression.</summary>
    public TemplateNode? HeartbeatSecondsExpression { get; init; }
}
