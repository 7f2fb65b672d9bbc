using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.States;

/// <summary>Task: invokes the resource through <see cref="ITaskInvoker"/>, enforcing TimeoutSeconds
/// (States.Timeout) and HeartbeatSeconds (States.HeartbeatTimeout, as no heartbeat can arrive) on the clock.
/// Lambda function ARNs record LambdaFunction* events, other resources Task* events.</summary>
internal sealed class TaskExecutor : IStateExecutor
{
    private const string WaitForTaskToken = ".waitForTaskToken";

    public ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var task = (TaskState)state;
        if (task.Resource.EndsWith(WaitForTaskToken, StringComparison.Ordinal))
            run.TaskToken = Guid.NewGuid().ToString();
        return ProtectedExecution.RunAsync(task, task.Data, task.Errors, input, run,
            static (effective, parameters, r) => InvokeAsync((TaskState)r.State, effective, parameters, r));
    }

    private static async ValueTask<StateData> InvokeAsync(TaskState task, StateData effective, StateData parameters, StateRun run)
    {
        var execution = run.Execution;
        var isLambda = task.Resource.StartsWith("arn:aws:lambda:", StringComparison.Ordinal);
        var timeout = ExpressionSeconds(task.TimeoutSecondsExpression, "TimeoutSeconds", effective, run)
                      ?? Seconds(task.TimeoutSeconds, task.TimeoutSecondsPath, "TimeoutSecondsPath", effective, run);
        var heartbeat = ExpressionSeconds(task.HeartbeatSecondsExpression, "HeartbeatSeconds", effective, run)
                        ?? Seconds(task.HeartbeatSeconds, task.HeartbeatSecondsPath, "HeartbeatSecondsPath", effective, run);
        var invocation = new TaskInvocation(task.Resource, task.Name, parameters)
        {
            Attempt = run.RetryCount,
            TimeoutSeconds = timeout,
            HeartbeatSeconds = heartbeat,
            StateMachineName = execution.Options.StateMachineName,
            ExecutionName = execution.ExecutionName,
            TaskToken = run.TaskToken,
        };
        execution.Record(new HistoryEvent(isLambda ? HistoryEventType.LambdaFunctionScheduled : HistoryEventType.TaskScheduled) { Resource = task.Resource, InputData = parameters }, run.Scope);
        execution.Record(new HistoryEvent(isLambda ? HistoryEventType.LambdaFunctionStarted : HistoryEventType.TaskStarted) { Resource = task.Resource }, run.Scope);
        JsonNode? result;
        try
        {
            result = await InvokeWithLimitsAsync(invocation, timeout, heartbeat, execution);
            DataFlow.CheckSize(result, run, ResultSubject(task));
        }
        catch (StatesErrorException ex)
        {
            var timedOut = ex.Error.Name is StatesErrorNames.Timeout or StatesErrorNames.HeartbeatTimeout;
            var type = (isLambda, timedOut) switch
            {
                (true, true) => HistoryEventType.LambdaFunctionTimedOut,
                (true, false) => HistoryEventType.LambdaFunctionFailed,
                (false, true) => HistoryEventType.TaskTimedOut,
                _ => HistoryEventType.TaskFailed,
            };
            execution.Record(new HistoryEvent(type) { Resource = task.Resource, Error = ex.Error.Name, Cause = ex.Error.Cause }, run.Scope);
            throw;
        }
        execution.Record(new HistoryEvent(isLambda ? HistoryEventType.LambdaFunctionSucceeded : HistoryEventType.TaskSucceeded) { Resource = task.Resource, Output = result }, run.Scope);
        return result;
    }

    private static async ValueTask<JsonNode?> InvokeWithLimitsAsync(TaskInvocation invocation, int? timeout, int? heartbeat, ExecutionRun execution)
    {
        var limited = timeout is not null || heartbeat is not null;
        using var cancellation = limited ? CancellationTokenSource.CreateLinkedTokenSource(execution.CancellationToken) : null;
        Task<JsonNode?> invoke;
        try
        {
            invoke = execution.Invoker.InvokeAsync(invocation, cancellation?.Token ?? execution.CancellationToken);
            if (!invoke.IsCompleted && cancellation is not null)
            {
                var limit = Math.Min(timeout ?? int.MaxValue, heartbeat ?? int.MaxValue);
                var timer = Task.Delay(TimeSpan.FromSeconds(limit), execution.TimeProvider, cancellation.Token);
                if (await Task.WhenAny(invoke, timer) == timer)
                {
                    await cancellation.CancelAsync();
                    var name = heartbeat is int h && h <= (timeout ?? int.MaxValue) ? StatesErrorNames.HeartbeatTimeout : StatesErrorNames.Timeout;
                    throw new StatesErrorException(name, null);
                }
                await cancellation.CancelAsync();
            }
            return await invoke;
        }
        catch (TaskFailedException ex)
        {
            throw new StatesErrorException(ex.Error, ex.Cause, ex);
        }
        catch (Exception ex) when (ex is not StatesErrorException && ex is not OperationCanceledException)
        {
            throw new StatesErrorException(StatesErrorNames.TaskFailed, ex.Message, ex);
        }
    }

    /// <summary>For an optimised integration (<c>arn:aws:states:::lambda:invoke</c>) AWS names the service
    /// (<c>lambda</c>) in a DataLimitExceeded cause; otherwise the state.</summary>
    private static string ResultSubject(TaskState task)
    {
        const string integrationPrefix = "arn:aws:states:::";
        if (!task.Resource.StartsWith(integrationPrefix, StringComparison.Ordinal))
            return task.Name;
        var service = task.Resource.AsSpan(integrationPrefix.Length);
        var colon = service.IndexOf(':');
        return (colon < 0 ? service : service[..colon]).ToString();
    }

    /// <summary>A JSONata TimeoutSeconds or HeartbeatSeconds expression's value, a positive integer; null without one.</summary>
    private static int? ExpressionSeconds(Templates.TemplateNode? expression, string field, StateData input, StateRun run)
    {
        if (expression is null)
            return null;
        var scope = run.DataScope(input);
        var value = expression.Evaluate(scope);
        return JsonData.TryGetInteger(value, out var seconds) && seconds > 0
            ? (int)Math.Min(seconds, int.MaxValue)
            : throw Jsonata.JsonataQuery.Failure(scope, $"The {field} field must be a positive integer, but was: {JsonData.Serialize(value)}");
    }

    private static int? Seconds(int? literal, JsonPathExpression? path, string field, StateData effective, StateRun run)
    {
        if (literal is not null || path is null)
            return literal;
        if (path.TryEvaluate(run.DataScope(effective), out var value, out var failure) && JsonData.TryGetInteger(value, out var seconds) && seconds > 0)
            return (int)Math.Min(seconds, int.MaxValue);
        throw run.RuntimeError(failure is null
            ? $"The {field} parameter references an invalid value: {path.Text} == {JsonData.Serialize(value)}"
            : $"Invalid path '{path.Text}' : {failure}");
    }
}
