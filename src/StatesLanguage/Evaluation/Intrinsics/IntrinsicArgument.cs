using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>One compiled argument of an intrinsic call: a literal, a path, or a nested call.</summary>
internal abstract class IntrinsicArgument
{
    public abstract JsonNode? Evaluate(in DataScope scope);

    /// <summary>The workflow variables the argument reads (<c>$name…</c> paths, nested calls' too).</summary>
    public virtual IEnumerable<string> ReadVariables() => [];

    /// <summary>A literal; <see cref="RawText"/> keeps a string literal's escapes, which States.Format needs.</summary>
    public sealed class Literal(JsonNode? value, string? rawText) : IntrinsicArgument
    {
        private readonly JsonNode? _value = JsonData.Materialize(value);
        public string? RawText { get; } = rawText;
        public override JsonNode? Evaluate(in DataScope scope) => _value?.DeepClone();
    }

    public sealed class Path(JsonPathExpression path) : IntrinsicArgument
    {
        public override IEnumerable<string> ReadVariables() => path.VariableName is { } name ? [name] : [];

        public override JsonNode? Evaluate(in DataScope scope)
        {
            if (!path.TryEvaluate(scope, out var value, out var failure))
                throw new Errors.StatesErrorException(Errors.StatesErrorNames.Runtime,
                    $"Invalid path '{path.Text}' : {failure}");
            return value;
        }
    }

    public sealed class Call(IntrinsicCall call) : IntrinsicArgument
    {
        public override IEnumerable<string> ReadVariables() => call.ReadVariables();

        public override JsonNode? Evaluate(in DataScope scope) => call.Evaluate(scope);
    }
}
