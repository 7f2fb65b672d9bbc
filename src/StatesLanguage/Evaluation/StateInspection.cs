using StatesLanguage.Definition;
using StatesLanguage.Errors;

namespace StatesLanguage.Evaluation;

/// <summary>
/// What TestState reports about one run of a state (AWS's InspectionData), filled by the executors as the data flow
/// goes: each stage is serialized when it is reached, so later stages cannot change it. Also TestState's changes to
/// error handling: a matching retrier is reported (RETRIABLE) instead of waited for, and the catcher that caught an
/// error is recorded (CAUGHT_ERROR).
/// </summary>
internal sealed class StateInspection
{
    public string? AfterInputPath { get; private set; }

    public string? AfterParameters { get; private set; }

    public string? AfterArguments { get; private set; }

    public string? Result { get; private set; }

    public string? AfterResultSelector { get; private set; }

    public string? AfterResultPath { get; private set; }

    public string? AfterItemsPath { get; set; }

    public int? MaxConcurrency { get; set; }

    public int? ToleratedFailureCount { get; set; }

    public double? ToleratedFailurePercentage { get; set; }

    /// <summary>The attempts already made (TestState's <c>stateConfiguration.retrierRetryCount</c>).</summary>
    public int RetrierRetryCount { get; init; }

    public int? RetryIndex { get; private set; }

    public int? RetryBackoffIntervalSeconds { get; private set; }

    /// <summary>True when the failure matched a retrier that has attempts left.</summary>
    public bool Retriable { get; private set; }

    public int? CatchIndex { get; private set; }

    /// <summary>The error a catcher handled; null when none did.</summary>
    public StatesError? CaughtError { get; private set; }

    /// <summary>Replaces the state's work (invoking the resource, running branches or iterations) when set.</summary>
    public Func<JsonNode?, JsonNode?, StateRun, ValueTask<JsonNode?>>? Mock { get; init; }

    /// <summary>The effective input and the effective parameters (JSONPath), or the arguments (JSONata).</summary>
    public void Prepared(StateDefinition state, JsonNode? effective, JsonNode? parameters)
    {
        if (state.QueryLanguage == QueryLanguage.Jsonata)
        {
            AfterArguments = JsonData.Serialize(parameters);
            return;
        }
        AfterInputPath = JsonData.Serialize(effective);
        AfterParameters = JsonData.Serialize(parameters);
    }

    /// <summary>A JSONPath Pass: with <c>Result</c>, that is the result (AWS then shows no InputPath or Parameters
    /// stage); without, the effective input and parameters, which are also its result.</summary>
    public void PassPrepared(bool hasResult, JsonNode? effective, JsonNode? result)
    {
        if (hasResult)
        {
            Result = JsonData.Serialize(result);
        }
        else
        {
            AfterInputPath = JsonData.Serialize(effective);
            AfterParameters = JsonData.Serialize(result);
        }
        AfterResultSelector = JsonData.Serialize(result);
    }

    public void InputSelected(JsonNode? effective) => AfterInputPath = JsonData.Serialize(effective);

    public void Produced(JsonNode? result) => Result = JsonData.Serialize(result);

    public void Selected(JsonNode? result) => AfterResultSelector = JsonData.Serialize(result);

    public void Placed(JsonNode? output) => AfterResultPath = JsonData.Serialize(output);

    /// <summary>The first retrier matching <paramref name="error"/> decides: with attempts left after
    /// <see cref="RetrierRetryCount"/>, the state is RETRIABLE with the backoff the next attempt would wait (without
    /// jitter); without, the error goes on to Catch.</summary>
    public bool IsRetriable(IReadOnlyList<Retrier> retriers, StatesError error)
    {
        for (var i = 0; i < retriers.Count; i++)
        {
            var retrier = retriers[i];
            if (!ErrorMatcher.Matches(retrier.ErrorEquals, error))
                continue;
            RetryIndex = i;
            if (RetrierRetryCount >= retrier.MaxAttempts)
                return false;
            var delay = RetryScheduler.Delay(retrier with { JitterStrategy = JitterStrategy.None }, RetrierRetryCount, Random.Shared);
            RetryBackoffIntervalSeconds = (int)Math.Min(Math.Round(delay.TotalSeconds), int.MaxValue);
            Retriable = true;
            return true;
        }
        return false;
    }

    public void Caught(IReadOnlyList<Catcher> catchers, Catcher catcher, StatesError error)
    {
        for (var i = 0; i < catchers.Count; i++)
        {
            if (ReferenceEquals(catchers[i], catcher))
                CatchIndex = i;
        }
        CaughtError = error;
    }
}
