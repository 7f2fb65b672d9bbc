using StatesLanguage.Errors;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Jsonata;

/// <summary>
/// One <c>{% … %}</c> expression of a JSONata state, compiled once when the definition is parsed. It is evaluated with
/// <c>$states</c> (<c>input</c>, <c>context</c>, and <c>result</c> or <c>errorOutput</c> where the state has them)
/// and the workflow's variables, and fails as Step Functions does: States.QueryEvaluationError, with the state's
/// runtime prefix and the field's name (<c>Output</c>, <c>Assign/total</c>, <c>Arguments/Payload</c>, …).
/// </summary>
internal sealed class JsonataQuery
{
    private readonly JsonataExpression _expression;
    private readonly bool _readsStates;
    private readonly StatesMembers _mayRead;
    private readonly string[] _variables;

    private JsonataQuery(string text, JsonataExpression expression)
    {
        Text = text;
        _expression = expression;
        var free = expression.GetFreeVariables(StepFunctionsJsonata.Options.Library);
        _readsStates = free.Contains(StatesVariable, StringComparer.Ordinal);
        _mayRead = MayRead(text);
        _variables = [.. free.Where(v => v != StatesVariable)];
    }

    /// <summary>The workflow variables the expression reads (its free variables but <c>$states</c> and Step
    /// Functions' functions).</summary>
    public IReadOnlyList<string> Variables => _variables;

    /// <summary>The compiled expression, for the checks made before anything runs.</summary>
    public JsonataExpression Expression => _expression;

    /// <summary>The reserved variable Step Functions binds: <c>$states</c>.</summary>
    public const string StatesVariable = "states";

    /// <summary>The expression between <c>{%</c> and <c>%}</c>, trimmed.</summary>
    public string Text { get; }

    /// <exception cref="JsonataException">The expression does not compile.</exception>
    public static JsonataQuery Compile(string text) => new(text, JsonataExpression.Compile(text));

    /// <summary>The expression's value; fails when it has none (undefined).</summary>
    /// <exception cref="StatesErrorException">States.QueryEvaluationError.</exception>
    public JsonNode? Evaluate(in DataScope scope, string field) => EvaluateDefined(scope, field).ToValue().Node;

    /// <summary>As <see cref="Evaluate"/>, keeping the value in the evaluator's form (as a JSONata state's output, which
    /// the next state reads without converting it back from JSON).</summary>
    /// <exception cref="StatesErrorException">States.QueryEvaluationError.</exception>
    public JsonataDocument EvaluateDefined(in DataScope scope, string field)
    {
        var result = EvaluateDocument(scope, field);
        return result.IsUndefined
            ? throw Failure(scope, $"The JSONata expression '{Text}' specified for the field '{field}' returned nothing (undefined).")
            : result;
    }

    /// <summary>The expression's value in its JSON form, undefined when it has none.</summary>
    /// <exception cref="StatesErrorException">States.QueryEvaluationError when the evaluation fails or gives a function.</exception>
    private JsonataDocument EvaluateDocument(in DataScope scope, string field)
    {
        var states = _readsStates ? new KeyValuePair<string, JsonataDocument>(StatesVariable, States(scope, _mayRead)) : default;
        var bindings = _variables.Length > 0 ? WithVariables(states, scope)
            : _readsStates ? new ReadOnlySpan<KeyValuePair<string, JsonataDocument>>(in states)
            : [];
        JsonataDocument result;
        try
        {
            // No input document: Step Functions gives the data through $states only.
            result = _expression.EvaluateDocument(JsonataDocument.Undefined, bindings, StepFunctionsJsonata.Options);
        }
        catch (JsonataException ex)
        {
            throw Failure(scope, $"The JSONata expression '{Text}' specified for the field '{field}' threw an error during evaluation: {ex.Code}: {ex.Message}");
        }
        if (result.IsFunction)
            throw Failure(scope, $"The JSONata expression '{Text}' specified for the field '{field}' returned an unsupported result type.");
        return result;
    }

    /// <summary><paramref name="states"/> (when the expression reads it) and the workflow variables it reads that are
    /// set, each converted once per value (<see cref="VariableScope.TryGetJsonata"/>).</summary>
    private KeyValuePair<string, JsonataDocument>[] WithVariables(KeyValuePair<string, JsonataDocument> states, in DataScope scope)
    {
        var bindings = new KeyValuePair<string, JsonataDocument>[_variables.Length + (_readsStates ? 1 : 0)];
        var count = 0;
        if (_readsStates)
            bindings[count++] = states;
        foreach (var name in _variables)
        {
            if (scope.Variables?.TryGetJsonata(name, out var variable) == true)
                bindings[count++] = new(name, variable);
        }
        return count == bindings.Length ? bindings : bindings[..count];
    }

    /// <summary><c>$states</c>: input, context, and result or errorOutput where the state has them, those of
    /// <paramref name="mayRead"/> only; made once per scope that shares it (<see cref="StatesDocuments"/>). State data
    /// that a JSONata state made is used as it is; JSON is converted.</summary>
    private static JsonataDocument States(in DataScope scope, StatesMembers mayRead)
    {
        var shared = scope.Jsonata;
        if (shared?.Find(mayRead) is { } made)
            return made;
        var members = new KeyValuePair<string, JsonataDocument>[4];
        var count = 0;
        if ((mayRead & StatesMembers.Input) != 0)
            members[count++] = new("input", scope.Data.ToJsonata());
        if ((mayRead & StatesMembers.Context) != 0)
            members[count++] = new("context", scope.ContextSource?.GetContextDocument() ?? JsonataDocument.From(null));
        if (scope.States.HasResult && (mayRead & StatesMembers.Result) != 0)
        {
            var result = shared?.Result ?? scope.States.Result.ToJsonata();
            members[count++] = new("result", result);
            if (shared is not null)
                shared.Result = result;
        }
        if (scope.States.HasErrorOutput && (mayRead & StatesMembers.ErrorOutput) != 0)
            members[count++] = new("errorOutput", scope.States.ErrorOutput.ToJsonata());
        var document = JsonataDocument.Object(members.AsSpan(0, count));
        shared?.Keep(mayRead, document);
        return document;
    }

    /// <summary>
    /// The members of <c>$states</c> the expression may read: those named right after each <c>$states</c> in its text
    /// (<c>.input</c>, <c>.context</c>, <c>.result</c>, <c>.errorOutput</c>), or all of them when some <c>$states</c> is
    /// followed by anything else (<c>$keys($states)</c>, <c>$states[…]</c>). Conservative (a name in a string literal
    /// counts), and worth it: the context is built and converted for the state, and a task's result converted, only
    /// when an expression may read them.
    /// </summary>
    private static StatesMembers MayRead(string text)
    {
        const string states = "$" + StatesVariable;
        var members = StatesMembers.None;
        for (var at = text.IndexOf(states, StringComparison.Ordinal); at >= 0; at = text.IndexOf(states, at + 1, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + states.Length);
            members |= StartsWithField(rest, ".input") ? StatesMembers.Input
                : StartsWithField(rest, ".context") ? StatesMembers.Context
                : StartsWithField(rest, ".result") ? StatesMembers.Result
                : StartsWithField(rest, ".errorOutput") ? StatesMembers.ErrorOutput
                : StatesMembers.All;
        }
        return members;
    }

    private static bool StartsWithField(ReadOnlySpan<char> rest, string field) =>
        rest.StartsWith(field, StringComparison.Ordinal)
        && (rest.Length == field.Length || !(char.IsLetterOrDigit(rest[field.Length]) || rest[field.Length] is '_' or '$'));

    /// <summary>A States.QueryEvaluationError of the state <paramref name="scope"/> belongs to.</summary>
    public static StatesErrorException Failure(in DataScope scope, string detail) =>
        new(StatesErrorNames.QueryEvaluationError, scope.ContextSource is { } source ? $"{source.ErrorPrefix} {detail}" : detail);

    /// <summary>Text for a result of the wrong JSON type, as Step Functions words it ("Expected 'array', but was
    /// 'boolean' for value: true").</summary>
    public StatesErrorException UnexpectedType(in DataScope scope, string field, string expected, JsonNode? value) =>
        Failure(scope, $"The JSONata expression '{Text}' specified for the field '{field}' returned an unexpected result type. Expected '{expected}', but was '{TypeName(value)}' for value: {JsonData.Serialize(value)}");

    private static string TypeName(JsonNode? value) => JsonData.Kind(value) switch
    {
        System.Text.Json.JsonValueKind.Array => "array",
        System.Text.Json.JsonValueKind.Object => "object",
        System.Text.Json.JsonValueKind.String => "string",
        System.Text.Json.JsonValueKind.Number => "number",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
        _ => "null",
    };

    /// <summary>The expression of a <c>"{% … %}"</c> string, or null for any other value.</summary>
    public static string? ExpressionOf(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.String
        && value.GetValue<string>() is var text && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal)
        && text.Length >= 4
            ? text[2..^2].Trim()
            : null;
}
