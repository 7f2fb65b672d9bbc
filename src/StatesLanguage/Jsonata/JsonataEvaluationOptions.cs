namespace StatesLanguage.Jsonata;

/// <summary>How one evaluation runs. Limits fail with U1001 (as the JSONata test suite's harness reports them).</summary>
public sealed class JsonataEvaluationOptions
{
    public static JsonataEvaluationOptions Default { get; } = new();

    /// <summary>The functions the expression can call; defaults to <see cref="JsonataFunctionLibrary.Standard"/>.</summary>
    public JsonataFunctionLibrary Library { get; init; } = JsonataFunctionLibrary.Standard;

    /// <summary>Maximum nesting of evaluation steps (recursion depth); null for no limit other than the stack's.</summary>
    public int? MaxDepth { get; init; }

    /// <summary>Time budget of the evaluation; null for none.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Stops the evaluation (with U1001) when cancelled.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>The clock of <c>$now()</c> and <c>$millis()</c>, read once per evaluation (when first needed).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
