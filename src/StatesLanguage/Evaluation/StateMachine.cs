using StatesLanguage.Definition;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Evaluation.States;
using StatesLanguage.Validation;

namespace StatesLanguage.Evaluation;

/// <summary>A validated, compiled state machine. Parse once, execute many times (concurrently if you like).</summary>
public sealed class StateMachine
{
    private StateMachine(StateMachineDefinition definition) => Definition = definition;

    public StateMachineDefinition Definition { get; }

    /// <summary>What the definition allows but is likely wrong (see <see cref="AslValidator.Warnings"/>), computed on
    /// first use.</summary>
    public IReadOnlyList<AslDiagnostic> Warnings => _warnings ??= FindWarnings(Definition);

    private IReadOnlyList<AslDiagnostic>? _warnings;

    private static List<AslDiagnostic> FindWarnings(StateMachineDefinition definition)
    {
        var warnings = new List<AslDiagnostic>();
        VariableUseChecker.Check(definition, "$", new HashSet<string>(StringComparer.Ordinal), warnings);
        return warnings;
    }

    /// <summary>Applies <c>${name}</c> substitutions to the definition text, then parses and validates it.</summary>
    /// <exception cref="AslValidationException">The definition has problems; all of them are listed.</exception>
    public static StateMachine Parse(string definitionJson, IReadOnlyDictionary<string, string>? substitutions = null)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        var text = DefinitionSubstitution.Apply(definitionJson, substitutions);
        var diagnostics = new List<AslDiagnostic>();
        var definition = AslValidator.ParseAndValidate(text, diagnostics);
        if (diagnostics.Count > 0 || definition is null)
            throw new AslValidationException(diagnostics);
        return new StateMachine(definition);
    }

    /// <summary>Runs one execution to its end. Failures of the machine are reported in the result, not thrown;
    /// cancellation is thrown.</summary>
    public async Task<ExecutionResult> ExecuteAsync(JsonNode? input, ExecutionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var execution = new ExecutionRun(options, input, cancellationToken);
        var scope = new GraphScope(execution, new VariableScope(null));
        execution.Record(new HistoryEvent(HistoryEventType.ExecutionStarted) { Input = input }, scope);
        try
        {
            if (DataFlow.ExceedsLimit(input))
            {
                throw new StatesErrorException(StatesErrorNames.DataLimitExceeded,
                    "The execution input has a size exceeding the maximum number of bytes service limit.");
            }
            var output = (await RunWithTimeoutAsync(execution, input, scope)).Json;
            execution.Record(new HistoryEvent(HistoryEventType.ExecutionSucceeded) { Output = output }, scope);
            return new ExecutionResult(ExecutionStatus.Succeeded, execution.History) { Output = output, ExecutionArn = execution.ExecutionArn };
        }
        catch (StatesErrorException ex) when (ex.Error.Name == StatesErrorNames.Timeout && ex.Data.Contains(ExecutionTimeoutMarker))
        {
            execution.Record(new HistoryEvent(HistoryEventType.ExecutionTimedOut) { Error = ex.Error.Name, Cause = ex.Error.Cause }, scope, ExecutionRun.AfterLastRecorded);
            return new ExecutionResult(ExecutionStatus.TimedOut, execution.History)
            {
                Error = ex.Error.Name, Cause = ex.Error.Cause, ExecutionArn = execution.ExecutionArn,
            };
        }
        catch (StatesErrorException ex)
        {
            execution.Record(new HistoryEvent(HistoryEventType.ExecutionFailed) { Error = ex.Error.Name, Cause = ex.Error.Cause }, scope, ExecutionRun.AfterLastRecorded);
            return new ExecutionResult(ExecutionStatus.Failed, execution.History)
            {
                Error = ex.Error.Name, Cause = ex.Error.Cause, ExecutionArn = execution.ExecutionArn,
            };
        }
    }

    private const string ExecutionTimeoutMarker = "ExecutionTimeout";

    private async Task<StateData> RunWithTimeoutAsync(ExecutionRun execution, JsonNode? input, GraphScope scope)
    {
        if (Definition.TimeoutSeconds is not int timeout)
            return await StateRunner.RunAsync(Definition, input, scope);
        var run = StateRunner.RunAsync(Definition, input, scope).AsTask();
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(execution.CancellationToken);
        var timer = Task.Delay(TimeSpan.FromSeconds(timeout), execution.TimeProvider, cancellation.Token);
        if (await Task.WhenAny(run, timer) == timer)
        {
            await execution.StopAsync();
            var error = new StatesErrorException(StatesErrorNames.Timeout, null);
            error.Data[ExecutionTimeoutMarker] = true;
            throw error;
        }
        await cancellation.CancelAsync();
        return await run;
    }
}
