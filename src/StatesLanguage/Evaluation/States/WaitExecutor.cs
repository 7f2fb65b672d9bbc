using StatesLanguage.Definition;
using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.States;

/// <summary>Wait: Seconds, Timestamp, or their Path forms, validated as AWS does (a SecondsPath value must be a
/// non-negative integer, a TimestampPath value a strict ISO-8601 date-time). The wait goes through the clock.</summary>
internal sealed class WaitExecutor : IStateExecutor
{
    public async ValueTask<StateOutcome> ExecuteAsync(StateDefinition state, StateData input, StateRun run)
    {
        var wait = (WaitState)state;
        if (wait.QueryLanguage == QueryLanguage.Jsonata)
        {
            await run.Execution.DelayAsync(JsonataDelay(wait, input, run), run.Execution.CancellationToken);
            return new StateOutcome(DataFlow.Conclude(wait.Assign, wait.Output, input, default, input, run), wait.Next);
        }
        var effective = DataFlow.SelectPath(wait.InputPath, input.Json, run);
        run.Inspection?.InputSelected(effective);
        var delay = Delay(wait, effective, run);
        await run.Execution.DelayAsync(delay, run.Execution.CancellationToken);
        DataFlow.Assign(wait.Assign, effective, run);
        return new StateOutcome(DataFlow.SelectPath(wait.OutputPath, effective, run), wait.Next);
    }

    private static TimeSpan Delay(WaitState wait, JsonNode? effective, StateRun run)
    {
        if (wait.Seconds is long seconds)
            return TimeSpan.FromSeconds(seconds);
        if (wait.Timestamp is DateTimeOffset timestamp)
            return timestamp - run.Execution.Now;
        if (wait.SecondsPath is JsonPathExpression secondsPath)
        {
            var value = Resolve(secondsPath, effective, run);
            if (!JsonData.TryGetInteger(value, out var pathSeconds))
                throw run.RuntimeError($"The SecondsPath parameter cannot be parsed as a long value: {secondsPath.Text} == {JsonData.Serialize(value)}");
            if (pathSeconds < 0)
                throw run.RuntimeError($"The SecondsPath parameter references a negative value: {secondsPath.Text} == {JsonData.Serialize(value)}");
            return TimeSpan.FromSeconds(pathSeconds);
        }
        var timestampPath = wait.TimestampPath!;
        var raw = Resolve(timestampPath, effective, run);
        if (!JsonData.TryGetString(raw, out var text) || !Timestamps.TryParse(text, out var until))
        {
            var shown = JsonData.TryGetString(raw, out var s) ? s : JsonData.Serialize(raw);
            throw run.RuntimeError($"The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {timestampPath.Text} == {shown}");
        }
        return until - run.Execution.Now;
    }

    /// <summary>A JSONata Wait's delay: a literal, or an expression giving a non-negative integer of seconds or an
    /// ISO-8601 timestamp (States.QueryEvaluationError otherwise).</summary>
    private static TimeSpan JsonataDelay(WaitState wait, StateData input, StateRun run)
    {
        var scope = run.DataScope(input);
        if (wait.SecondsExpression is { } secondsExpression)
        {
            var value = secondsExpression.Evaluate(scope);
            return JsonData.TryGetInteger(value, out var seconds) && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : throw Jsonata.JsonataQuery.Failure(scope, $"The Seconds field must be a non-negative integer, but was: {JsonData.Serialize(value)}");
        }
        if (wait.TimestampExpression is { } timestampExpression)
        {
            var value = timestampExpression.Evaluate(scope);
            return JsonData.TryGetString(value, out var text) && Timestamps.TryParse(text, out var until)
                ? until - run.Execution.Now
                : throw Jsonata.JsonataQuery.Failure(scope,
                    $"The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: {(JsonData.TryGetString(value, out var shown) ? shown : JsonData.Serialize(value))}");
        }
        return Delay(wait, input.Json, run);
    }

    private static JsonNode? Resolve(JsonPathExpression path, JsonNode? data, StateRun run)
    {
        if (path.TryEvaluate(run.DataScope(data), out var value, out var failure))
            return value;
        throw run.RuntimeError($"Invalid path '{path.Text}' : {failure}");
    }
}
