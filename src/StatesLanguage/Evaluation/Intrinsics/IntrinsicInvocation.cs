namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>Evaluated arguments of one call. Values are references into state data: copy before attaching.</summary>
internal readonly record struct IntrinsicInvocation(string Name, JsonNode?[] Values, string?[] RawLiterals);
