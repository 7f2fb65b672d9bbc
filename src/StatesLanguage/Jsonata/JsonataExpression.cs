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

    /// <exception cref="JsonataException">A syntax error (S0xxx) with its position.</exception>
    public static JsonataExpression Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonataExpression(text, Parser.Parse(text));
    }

    /// <summary>Evaluates against <paramref name="input"/> (JSON; null is JSON null) with variables bound by name.</summary>
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
        var context = JsonConversion.FromValue(input);
        environment.Bind("$", context);
        if (context is JList array)
        {
            var wrapper = JList.Sequence(array);
            wrapper.OuterWrapper = true;
            context = wrapper;
        }
        var evaluator = new Evaluator(options, options.TimeProvider.GetUtcNow());
        var result = evaluator.Evaluate(_root, context, environment);
        return JsonConversion.ToValue(result);
    }

    public override string ToString() => Text;
}
