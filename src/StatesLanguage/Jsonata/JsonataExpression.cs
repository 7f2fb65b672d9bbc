using StatesLanguage.Jsonata.Parsing;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata;

/// <summary>
/// A compiled JSONata expression. Compile once, evaluate many times: a compiled expression is immutable and may be
/// evaluated by many threads at once.
/// </summary>
/// <example><code>
/// var expression = JsonataExpression.Compile("$sum(Order.Price) * $rate");
/// var result = expression.Evaluate(input, new Dictionary&lt;string, JsonNode?&gt; { ["rate"] = 1.2 });
/// if (result.IsDefined) Console.WriteLine(result.Node);
/// </code></example>
public sealed class JsonataExpression
{
    private readonly Node _root;

    private JsonataExpression(string text, Node root)
    {
        Text = text;
        _root = root;
        FreeVariables = FreeVariableFinder.Find(root, JsonataFunctionLibrary.Standard);
    }

    public string Text { get; }

    /// <summary>Variables (without <c>$</c>) the expression reads that it does not bind itself, in order of first
    /// use: <c>$x.a + $y</c> gives x, y. <c>$</c>, <c>$$</c> and the standard library's functions are left out.</summary>
    public IReadOnlyList<string> FreeVariables { get; }

    /// <summary>As <see cref="FreeVariables"/>, leaving out the functions of <paramref name="library"/> instead of the
    /// standard library's (for a library with functions added).</summary>
    public IReadOnlyList<string> GetFreeVariables(JsonataFunctionLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        return ReferenceEquals(library, JsonataFunctionLibrary.Standard) ? FreeVariables : FreeVariableFinder.Find(_root, library);
    }

    /// <summary>Names the expression looks up in the input it is evaluated against, where the input is the top-level
    /// one: the first step of a path (<c>phone</c> in <c>phone.number</c>, <c>items</c> in <c>$count(items)</c>), not a
    /// later step, a predicate, a sort term or a grouping, which read what the step before them produced.</summary>
    public IReadOnlyList<string> InputNames => References.InputNames;

    /// <summary>True when the expression reads the root input, <c>$$</c>.</summary>
    public bool ReadsRoot => References.ReadsRoot;

    /// <summary>The members read straight off <paramref name="variable"/> (without <c>$</c>): <c>$states.result.x</c>
    /// reads <c>result</c> of <c>states</c>.</summary>
    public IReadOnlyList<string> MembersRead(string variable) =>
        References.Members.TryGetValue(variable, out var names) ? names : [];

    private ContextReferences References => field ??= ContextReferenceFinder.Find(_root);

    /// <exception cref="JsonataException">A syntax error (S0xxx) with its position.</exception>
    public static JsonataExpression Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonataExpression(text, Parser.Parse(text));
    }

    /// <summary>Evaluates against <paramref name="input"/> (JSON; null is JSON null) with variables bound by name.
    /// The JSON is read (converted) during the call; to share one input between threads or many evaluations, convert it
    /// once with <see cref="JsonataDocument.From(JsonNode?)"/>.</summary>
    /// <exception cref="JsonataException">A type (T), dynamic (D) or limit (U1001) error.</exception>
    public JsonataValue Evaluate(JsonNode? input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, JsonataEvaluationOptions? options = null) =>
        Evaluate(JsonataValue.Of(input), bindings, options);

    /// <summary>Evaluates with an input that may be undefined (no input document).</summary>
    public JsonataValue Evaluate(JsonataValue input, IReadOnlyDictionary<string, JsonNode?>? bindings = null, JsonataEvaluationOptions? options = null)
    {
        options ??= JsonataEvaluationOptions.Default;
        var environment = new Frame(options.Library.Functions);
        if (bindings is not null)
        {
            foreach (var (name, value) in bindings)
                environment.Bind(name, JsonConversion.FromNode(value));
        }
        return Run(JsonConversion.FromValue(input), environment, options, JsonConversion.ToValue);
    }

    /// <summary>Evaluates with input and variables converted beforehand (see <see cref="JsonataDocument"/>).</summary>
    public JsonataValue Evaluate(JsonataDocument input, IReadOnlyDictionary<string, JsonataDocument>? bindings = null, JsonataEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= JsonataEvaluationOptions.Default;
        return Run(input.Value, Environment(bindings, options), options, JsonConversion.ToValue);
    }

    /// <summary>As <see cref="Evaluate(JsonataDocument, IReadOnlyDictionary{string, JsonataDocument}?, JsonataEvaluationOptions?)"/>,
    /// giving the result as a document, in the form its JSON would have, to pass on to later evaluations without making
    /// JSON and converting it back; <see cref="JsonataDocument.ToValue"/> makes the JSON. Fails as that method does,
    /// including for a result JSON cannot hold (D1001).</summary>
    public JsonataDocument EvaluateDocument(JsonataDocument input, IReadOnlyDictionary<string, JsonataDocument>? bindings = null, JsonataEvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= JsonataEvaluationOptions.Default;
        return Run(input.Value, Environment(bindings, options), options, JsonataDocument.FromResult);
    }

    /// <summary>As <see cref="EvaluateDocument(JsonataDocument, IReadOnlyDictionary{string, JsonataDocument}?, JsonataEvaluationOptions?)"/>,
    /// with the variables as pairs, for callers that evaluate often with few variables (no dictionary each time).</summary>
    internal JsonataDocument EvaluateDocument(JsonataDocument input, ReadOnlySpan<KeyValuePair<string, JsonataDocument>> bindings, JsonataEvaluationOptions options)
    {
        var environment = new Frame(options.Library.Functions);
        foreach (var (name, value) in bindings)
            environment.Bind(name, value.Value);
        return Run(input.Value, environment, options, JsonataDocument.FromResult);
    }

    private static Frame Environment(IReadOnlyDictionary<string, JsonataDocument>? bindings, JsonataEvaluationOptions options)
    {
        var environment = new Frame(options.Library.Functions);
        if (bindings is not null)
        {
            foreach (var (name, value) in bindings)
                environment.Bind(name, value.Value);
        }
        return environment;
    }

    /// <summary>Evaluates, then gives the result in the caller's form with <paramref name="convert"/>, whose errors
    /// are completed as the evaluation's are.</summary>
    private T Run<T>(object? context, Frame environment, JsonataEvaluationOptions options, Func<object?, T> convert)
    {
        environment.Bind("$", context);
        if (context is JList array)
        {
            var wrapper = JList.Sequence(array);
            wrapper.OuterWrapper = true;
            context = wrapper;
        }
        var evaluator = Evaluator.Rent(options);
        try
        {
            return convert(evaluator.Evaluate(_root, context, environment));
        }
        catch (JsonataException error) when (error.Message.Contains("{{", StringComparison.Ordinal))
        {
            throw JsonataErrors.Completed(error);
        }
        finally
        {
            Evaluator.Return(evaluator);
        }
    }

    public override string ToString() => Text;
}
