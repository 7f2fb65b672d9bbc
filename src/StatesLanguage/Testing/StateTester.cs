using System.Text;
using System.Text.Json;
using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Evaluation.States;
using StatesLanguage.Validation;

namespace StatesLanguage.Testing;

/// <summary>
/// AWS's TestState: runs one state as the engine runs it inside a machine (the same executors, data flow, Retry and
/// Catch), from the given input and variables, and reports its status, output, error, next state and, at DEBUG, the
/// stages of its data flow. As on AWS: a matching retrier makes the state RETRIABLE (it is not retried), a matching
/// catcher CAUGHT_ERROR with the catcher's output and Next; Wait states do not wait; Map and Parallel states run only
/// with a mock (their result or error); a mock replaces a Task's invocation; the test fails with States.Timeout after
/// five minutes.
/// </summary>
public static class StateTester
{
    /// <summary>The name a single-state definition's state gets (AWS's locations read <c>/States/StateName/…</c>).</summary>
    public const string SingleStateName = "StateName";

    /// <summary>How long a test may run before it fails with States.Timeout (AWS's limit).</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(5);

    private const string SupportedTypes = "[Task, Wait, Pass, Succeed, Fail, Choice]";

    /// <summary>Runs the state of <paramref name="request"/>.</summary>
    /// <param name="taskInvoker">Invokes a Task state's resource when there is no mock; null fails such a Task with
    /// States.Runtime, as an execution without an invoker does.</param>
    /// <param name="timeProvider">The clock of timeouts (the state's and the five minutes) and of the context object.</param>
    /// <exception cref="TestStateException">The request cannot run: InvalidDefinition (with the diagnostics, message from
    /// <see cref="AslValidator.InvalidDefinitionMessage"/>), InvalidExecutionInput or ValidationException.</exception>
    public static async Task<TestStateResult> TestAsync(TestStateRequest request, ITaskInvoker? taskInvoker, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var level = request.InspectionLevel ?? "INFO";
        if (level is not ("INFO" or "DEBUG" or "TRACE"))
            throw Invalid($"Value '{level}' at 'inspectionLevel' failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
        if (request.RetrierRetryCount is < 0)
            throw Invalid($"Value '{request.RetrierRetryCount}' at 'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value greater than or equal to 0");
        var state = FindState(request);
        var mockResult = CheckMock(state, request);
        if (state is TaskState && request.Mock is null && request.RoleArn is null)
            throw Invalid("RoleArn must be specified when testing a Task state");
        var input = ParseInput(request.Input);
        var variables = ParseVariables(request.Variables);
        var context = request.Context is null ? null : ParseContext(request.Context, state);
        var inspection = new StateInspection { RetrierRetryCount = request.RetrierRetryCount ?? 0, Mock = MockWork(request.Mock, mockResult) };

        var defaults = new ExecutionOptions();
        var options = new ExecutionOptions
        {
            TaskInvoker = taskInvoker,
            TimeProvider = timeProvider,
            InstantWaits = true,
            RoleArn = request.RoleArn ?? defaults.RoleArn,
        };
        using var execution = new ExecutionRun(options, input, cancellationToken);
        var scope = new GraphScope(execution, new VariableScope(null));
        foreach (var (name, value) in variables)
            scope.Variables.Set(name, JsonData.Clone(value), Encoding.UTF8.GetByteCount(JsonData.Serialize(value)));
        execution.Record(new HistoryEvent(HistoryEventType.ExecutionStarted) { Input = input }, scope);
        var (executor, entered, _) = StateRunner.Resolve(state);
        var enteredEvent = execution.Record(new HistoryEvent(entered) { StateName = state.Name, Input = input }, scope);
        var run = new StateRun(scope, state, enteredEvent.Id, enteredEvent.Timestamp) { Inspection = inspection, ContextOverride = context };

        TestStateResult result;
        try
        {
            var outcome = await RunWithLimitAsync(executor, state, input, run, execution);
            var output = JsonData.Serialize(outcome.Output.Json);
            result = inspection.CaughtError is { } caught
                ? new TestStateResult(TestExecutionStatus.CaughtError) { Output = output, NextState = outcome.Next, Error = caught.Name, Cause = caught.Cause }
                : new TestStateResult(TestExecutionStatus.Succeeded) { Output = output, NextState = outcome.Next };
        }
        catch (StatesErrorException ex)
        {
            result = new TestStateResult(inspection.Retriable ? TestExecutionStatus.Retriable : TestExecutionStatus.Failed)
            {
                Error = ex.Error.Name,
                Cause = ex.Error.Cause,
            };
        }
        return level == "INFO" ? result : result with { InspectionData = Inspect(state, input, variables, run, inspection) };
    }

    private static async Task<StateOutcome> RunWithLimitAsync(IStateExecutor executor, StateDefinition state, JsonNode? input, StateRun run,
        ExecutionRun execution)
    {
        var work = RunStateAsync(executor, state, input, run);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(execution.CancellationToken);
        var timer = Task.Delay(MaxDuration, execution.TimeProvider, cancellation.Token);
        if (await Task.WhenAny(work, timer) == timer)
        {
            await execution.StopAsync();
            throw new StatesErrorException(StatesErrorNames.Timeout, null);
        }
        await cancellation.CancelAsync();
        return await work;
    }

    /// <summary>The state's executor, then the size check and the States.Runtime wording, as <c>StateRunner</c> does.</summary>
    private static async Task<StateOutcome> RunStateAsync(IStateExecutor executor, StateDefinition state, JsonNode? input, StateRun run)
    {
        try
        {
            var outcome = await executor.ExecuteAsync(state, input, run);
            DataFlow.CheckSize(outcome.Output, run);
            return outcome;
        }
        catch (StatesErrorException ex) when (ex.Error.Name == StatesErrorNames.Runtime
            && ex.Error.Cause?.StartsWith(StateRunner.RuntimePrefix, StringComparison.Ordinal) != true)
        {
            throw run.RuntimeError(ex.Error.Cause ?? "");
        }
    }

    private static TestStateInspectionData Inspect(StateDefinition state, JsonNode? input, JsonObject variables, StateRun run,
        StateInspection inspection)
    {
        var jsonPath = state.QueryLanguage == QueryLanguage.JsonPath;
        // As AWS's responses show them: a Fail state (which has no InputPath) gives its input as afterInputPath; a Map
        // or Parallel state (only ever run with a mock) shows neither parameters nor arguments nor the raw result, and
        // a Parallel state not its InputPath stage either.
        var composite = state is MapState or ParallelState;
        return new TestStateInspectionData
        {
            Input = JsonData.Serialize(input),
            AfterArguments = composite ? null : inspection.AfterArguments,
            AfterInputPath = state switch
            {
                FailState when jsonPath => JsonData.Serialize(input),
                ParallelState => null,
                _ => inspection.AfterInputPath,
            },
            AfterParameters = composite ? null : inspection.AfterParameters,
            Result = composite ? null : inspection.Result,
            AfterResultSelector = inspection.AfterResultSelector,
            AfterResultPath = inspection.AfterResultPath,
            Variables = VariablesAfter(variables, run.AssignedVariables),
            ErrorDetails = inspection.CatchIndex is null && inspection.RetryIndex is null
                ? null
                : new TestStateErrorDetails(inspection.CatchIndex, inspection.RetryIndex, inspection.RetryBackoffIntervalSeconds),
            AfterItemsPath = inspection.AfterItemsPath,
            MaxConcurrency = inspection.MaxConcurrency,
            ToleratedFailureCount = inspection.ToleratedFailureCount,
            ToleratedFailurePercentage = inspection.ToleratedFailurePercentage,
        };
    }

    private static string? VariablesAfter(JsonObject given, Dictionary<string, string>? assigned)
    {
        var all = new JsonObject();
        foreach (var (name, value) in given)
            all[name] = JsonData.Clone(value);
        foreach (var (name, json) in assigned ?? [])
            all[name] = JsonNode.Parse(json);
        return all.Count == 0 ? null : JsonData.Serialize(all);
    }

    /// <summary>The state to test: the named one in a whole machine (validated as CreateStateMachine would), or the
    /// single state of the definition, validated inside a machine of its own where its transitions lead nowhere.</summary>
    private static StateDefinition FindState(TestStateRequest request)
    {
        var diagnostics = new List<AslDiagnostic>();
        if (request.StateName is { } stateName)
        {
            var machine = AslValidator.ParseAndValidate(request.Definition, diagnostics);
            if (diagnostics.Count > 0 || machine is null)
                throw InvalidDefinition(diagnostics);
            return Find(machine, stateName) ?? throw Invalid("State not found in definition");
        }
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(request.Definition);
        }
        catch (JsonException)
        {
            root = null;
        }
        if (root is not JsonObject single)
        {
            AslValidator.ParseAndValidate(request.Definition, diagnostics);
            throw InvalidDefinition(diagnostics);
        }
        var wrapper = new JsonObject { ["StartAt"] = SingleStateName, ["States"] = new JsonObject { [SingleStateName] = single } };
        var wrapped = AslValidator.ParseAndValidate(wrapper.ToJsonString(), diagnostics);
        diagnostics.RemoveAll(IsAboutTheMissingMachine);
        if (diagnostics.Count > 0 || wrapped is null)
            throw InvalidDefinition(diagnostics);
        return wrapped.States[SingleStateName];
    }

    /// <summary>What only the machine made up around a single state lacks: the targets of its own transitions, a
    /// terminal state, and (when the state itself is invalid) a StartAt target. Transitions inside its branches or item
    /// processor are still checked.</summary>
    private static bool IsAboutTheMissingMachine(AslDiagnostic diagnostic)
    {
        if (diagnostic.Code == AslDiagnosticCodes.NoTerminalState)
            return diagnostic.Path == "$";
        if (diagnostic.Code == AslDiagnosticCodes.StartAtMissing)
            return diagnostic.Path == "$.StartAt";
        if (diagnostic.Code != AslDiagnosticCodes.MissingTransitionTarget)
            return false;
        var segments = AslPath.Segments(diagnostic.Path);
        return segments.Count >= 3 && segments[0].Name == "States" && segments[1].Name == SingleStateName
            && segments[2].Name is "Next" or "Default" or "Choices" or "Catch";
    }

    private static StateDefinition? Find(StateMachineDefinition machine, string name)
    {
        if (machine.States.TryGetValue(name, out var state))
            return state;
        foreach (var candidate in machine.States.Values)
        {
            var found = candidate switch
            {
                ParallelState parallel => parallel.Branches.Select(b => Find(b, name)).FirstOrDefault(s => s is not null),
                MapState map => Find(map.ItemProcessor, name),
                _ => null,
            };
            if (found is not null)
                return found;
        }
        return null;
    }

    /// <summary>AWS's rules for mocks; returns the parsed mock result (null without one).</summary>
    private static JsonNode? CheckMock(StateDefinition state, TestStateRequest request)
    {
        if (request.Mock is not { } mock)
        {
            if (state is MapState or ParallelState)
                throw new TestStateException(TestStateErrorCodes.InvalidDefinition, $"TestState API does not support Map or Parallel states. Supported state types include: {SupportedTypes}");
            if (request.Context is not null)
                throw Invalid("The context may only be specified together with a mock.");
            return null;
        }
        if (state is not (TaskState or MapState or ParallelState))
            throw Invalid($"State type '{state.Type}' is not supported when a mock is specified");
        if ((mock.Result is null) == (mock.ErrorOutput is null))
            throw Invalid("A test mock should have only one of the following fields: [result, errorOutput].");
        if (mock.Result is null)
            return null;
        JsonNode? result;
        try
        {
            result = JsonNode.Parse(mock.Result);
        }
        catch (JsonException)
        {
            throw Invalid("Mocked result must be valid JSON");
        }
        switch (state)
        {
            case ParallelState when result is not JsonArray:
            case MapState when result is not JsonArray:
                throw Invalid("Mocked result must be an array.");
            case ParallelState parallel when ((JsonArray)result).Count != parallel.Branches.Count:
                throw Invalid("Mocked result must contain the same number of items as number of Parallel branches.");
        }
        return result;
    }

    /// <summary>The work a mock stands for: the result, or the error (which Retry and Catch then handle). A Map state
    /// still selects its items and resolves its limits first, for the inspection data.</summary>
    private static Func<JsonNode?, JsonNode?, StateRun, ValueTask<JsonNode?>>? MockWork(TestStateMock? mock, JsonNode? result)
    {
        if (mock is null)
            return null;
        return (effective, _, run) =>
        {
            if (run.State is MapState map)
                InspectMap(map, effective, run);
            if (mock.ErrorOutput is { } error)
                throw new StatesErrorException(error.Error, error.Cause);
            return ValueTask.FromResult(JsonData.Clone(result));
        };
    }

    private static void InspectMap(MapState map, JsonNode? effective, StateRun run)
    {
        var inspection = run.Inspection!;
        if (map.QueryLanguage == QueryLanguage.Jsonata)
            MapExecutor.JsonataItems(map, effective, run);
        else
            inspection.AfterItemsPath = JsonData.Serialize(DataFlow.SelectPath(map.ItemsPath, effective, run));
        var limits = MapLimits.Resolve(map, effective, run);
        inspection.MaxConcurrency = limits.MaxConcurrency;
        inspection.ToleratedFailureCount = limits.ToleratedFailureCount;
        inspection.ToleratedFailurePercentage = limits.ToleratedFailurePercentage;
    }

    private static JsonNode? ParseInput(string? text)
    {
        if (text is null)
            return new JsonObject();
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw new TestStateException(TestStateErrorCodes.InvalidExecutionInput, $"Invalid State Machine Execution Input: '{ex.Message}'");
        }
    }

    /// <summary>The JSON object <paramref name="text"/> holds; null when it is not JSON or not an object.</summary>
    private static JsonObject? ObjectOrNull(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonObject ParseVariables(string? text)
    {
        if (text is null)
            return [];
        if (ObjectOrNull(text) is not { } variables)
            throw Invalid("The variables must be a JSON object of variable names and values.");
        foreach (var (name, _) in variables)
        {
            if (!VariableScopeChecker.IsValidName(name))
                throw Invalid($"'{name}' is not a valid variable name.");
        }
        return variables;
    }

    /// <summary>A context object given with a mock: a JSON object of the parts a state's context has (AWS's
    /// validation messages).</summary>
    private static JsonObject ParseContext(string text, StateDefinition state)
    {
        if (ObjectOrNull(text) is not { } context)
            throw Invalid("Invalid Context object provided: the context must be a JSON object");
        var tokenTask = state is TaskState task
            && (task.Resource.EndsWith(".sync", StringComparison.Ordinal) || task.Resource.Contains(".sync:", StringComparison.Ordinal)
                || task.Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal));
        foreach (var (name, _) in context)
        {
            switch (name)
            {
                case "Execution" or "State" or "StateMachine":
                    break;
                case "Task" when tokenTask:
                    break;
                case "Task":
                    throw Invalid("Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern");
                case "Map":
                    throw Invalid("Invalid Context object provided: 'Map' field is not supported when mocking a Context object");
                default:
                    throw Invalid($"Invalid Context object provided: Field '{name}' is not allowed");
            }
        }
        JsonData.Materialize(context);
        return context;
    }

    private static TestStateException InvalidDefinition(IReadOnlyList<AslDiagnostic> diagnostics) =>
        new(TestStateErrorCodes.InvalidDefinition, AslValidator.InvalidDefinitionMessage(diagnostics), diagnostics);

    private static TestStateException Invalid(string message) => new(TestStateErrorCodes.ValidationException, message);
}
