namespace StatesLanguage.Jsonata.Runtime;

/// <summary>What a native function can reach while it runs: the evaluator (to call functions) and the context value.</summary>
internal readonly record struct CallContext(Evaluator Evaluator, object? Input, Frame Environment);
