namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>An intrinsic function body; throws <see cref="IntrinsicFailureException"/> on bad arguments.</summary>
internal delegate JsonNode? IntrinsicFunction(IntrinsicInvocation invocation);
