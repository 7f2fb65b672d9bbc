using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Intrinsics;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Templates;

/// <summary>A compiled payload template (Parameters, ItemSelector, ResultSelector, Assign) or a single
/// <c>.$</c> value. Evaluation builds new nodes; values taken from state data are copied.</summary>
public abstract class TemplateNode
{
    private protected TemplateNode()
    {
    }

    internal abstract JsonNode? Evaluate(in DataScope scope);

    /// <summary>A JSONata state's Output as state data, kept in the evaluator's form (see <see cref="EvaluateDocument"/>),
    /// which the next state reads without converting it again.</summary>
    internal StateData EvaluateData(in DataScope scope) => StateData.FromJsonata(EvaluateDocument(scope));

    /// <summary>As <see cref="Evaluate"/>, in the evaluator's form (a JSONata state's Arguments): the values of its
    /// expressions are used as they are, not made into JSON and back.</summary>
    internal virtual JsonataDocument EvaluateDocument(in DataScope scope) => JsonataDocument.From(Evaluate(scope));

    /// <summary>The workflow variables the template reads: <c>$name…</c> paths and intrinsic arguments (JSONPath), the
    /// free variables of <c>{% … %}</c> expressions but <c>$states</c> and Step Functions' functions (JSONata).</summary>
    internal virtual IEnumerable<string> ReadVariables() => [];

    /// <summary>The JSONata expressions of the template with their paths below <paramref name="path"/>
    /// (<c>Output.v</c>, <c>Arguments.items[0]</c>).</summary>
    internal virtual IEnumerable<(string Path, Evaluation.Jsonata.JsonataQuery Query)> Queries(string path) => [];

    /// <summary>A fixed value, materialised once so that concurrent iterations can copy it safely.</summary>
    internal sealed class Constant(JsonNode? value) : TemplateNode
    {
        private readonly JsonNode? _value = JsonData.Materialize(value);

        /// <summary>The value (shared: read it, never change it).</summary>
        public JsonNode? Value => _value;

        private JsonataDocument? _document;

        internal override JsonNode? Evaluate(in DataScope scope) => _value?.DeepClone();

        /// <summary>Converted once: a document is never changed, so every evaluation can share it.</summary>
        internal override JsonataDocument EvaluateDocument(in DataScope scope)
        {
            if (Volatile.Read(ref _document) is { } made)
                return made;
            var document = JsonataDocument.From(_value);
            return Interlocked.CompareExchange(ref _document, document, null) ?? document;
        }
    }

    internal sealed class Object(string[] names, TemplateNode[] values) : TemplateNode
    {
        public IReadOnlyList<string> Names => names;

        public IReadOnlyList<TemplateNode> Values => values;

        internal override IEnumerable<string> ReadVariables() => values.SelectMany(v => v.ReadVariables());

        internal override IEnumerable<(string Path, Evaluation.Jsonata.JsonataQuery Query)> Queries(string path) =>
            values.SelectMany((v, i) => v.Queries(Validation.AslPath.Member(path, names[i])));

        internal override JsonNode? Evaluate(in DataScope scope)
        {
            var result = new JsonObject();
            for (var i = 0; i < names.Length; i++)
                result.Add(names[i], values[i].Evaluate(scope));
            return result;
        }

        internal override JsonataDocument EvaluateDocument(in DataScope scope)
        {
            var members = new KeyValuePair<string, JsonataDocument>[names.Length];
            for (var i = 0; i < names.Length; i++)
                members[i] = new(names[i], values[i].EvaluateDocument(scope));
            return JsonataDocument.Object(members);
        }
    }

    internal sealed class Array(TemplateNode[] items) : TemplateNode
    {
        internal override IEnumerable<string> ReadVariables() => items.SelectMany(v => v.ReadVariables());

        internal override IEnumerable<(string Path, Evaluation.Jsonata.JsonataQuery Query)> Queries(string path) =>
            items.SelectMany((v, i) => v.Queries($"{path}[{i}]"));

        internal override JsonNode? Evaluate(in DataScope scope)
        {
            var result = new JsonArray();
            foreach (var item in items)
                result.Add(item.Evaluate(scope));
            return result;
        }

        internal override JsonataDocument EvaluateDocument(in DataScope scope)
        {
            var values = new JsonataDocument[items.Length];
            for (var i = 0; i < items.Length; i++)
                values[i] = items[i].EvaluateDocument(scope);
            return JsonataDocument.Array(values);
        }
    }

    /// <summary>A <c>"name.$": "$.path"</c> field; a missing value fails with AWS's States.Runtime wording.</summary>
    internal sealed class Path(string fieldName, JsonPathExpression path) : TemplateNode
    {
        public JsonPathExpression Expression => path;

        internal override IEnumerable<string> ReadVariables() => path.VariableName is { } name ? [name] : [];

        internal override JsonNode? Evaluate(in DataScope scope)
        {
            if (path.TryEvaluate(scope, out var value, out _))
                return value?.DeepClone();
            var source = path.Root switch
            {
                PathRoot.Context => scope.Context,
                PathRoot.Input => scope.Input,
                _ => null,
            };
            if (path.Root == PathRoot.Variable)
            {
                throw new StatesErrorException(StatesErrorNames.Runtime,
                    $"The JSONPath '{path.Text}' specified for the field '{fieldName}' could not be found in the variables");
            }
            throw new StatesErrorException(StatesErrorNames.Runtime,
                $"The JSONPath '{path.Text}' specified for the field '{fieldName}' could not be found in the input '{JsonData.Serialize(source)}'");
        }
    }

    internal sealed class Intrinsic(IntrinsicCall call) : TemplateNode
    {
        internal override JsonNode? Evaluate(in DataScope scope) => call.Evaluate(scope);

        internal override IEnumerable<string> ReadVariables() => call.ReadVariables();
    }

    /// <summary>A <c>"{% … %}"</c> value of a JSONata state's template; <paramref name="field"/> names it in errors
    /// (<c>Output</c>, <c>Assign/total</c>).</summary>
    internal sealed class Jsonata(string field, Evaluation.Jsonata.JsonataQuery query) : TemplateNode
    {
        public Evaluation.Jsonata.JsonataQuery Query => query;

        internal override IEnumerable<string> ReadVariables() => query.Variables;

        internal override IEnumerable<(string Path, Evaluation.Jsonata.JsonataQuery Query)> Queries(string path) => [(path, query)];

        internal override JsonNode? Evaluate(in DataScope scope) => query.Evaluate(scope, field);

        internal override JsonataDocument EvaluateDocument(in DataScope scope) => query.EvaluateDefined(scope, field);
    }
}
