using System.Text.Json;
using StatesLanguage.Evaluation.Intrinsics;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Evaluation.Templates;
using StatesLanguage.Validation;

namespace StatesLanguage.Parsing;

/// <summary>Compiles payload templates once: a key ending in <c>.$</c> takes a path or an intrinsic call; any other
/// value is copied as it is. Subtrees with nothing dynamic become one constant.</summary>
internal static class TemplateCompiler
{
    public static TemplateNode Compile(JsonNode? node, string path, List<AslDiagnostic> diagnostics) =>
        Tree(node,
             (key, value) => key.EndsWith(".$", StringComparison.Ordinal)
                 ? (key[..^2], CompileExpression(value, key, AslPath.Member(path, key), diagnostics))
                 : (key, Compile(value, AslPath.Member(path, key), diagnostics)),
             (index, item) => Compile(item, $"{path}[{index}]", diagnostics),
             leaf => new TemplateNode.Constant(leaf?.DeepClone()));

    /// <summary>
    /// A JSONata state's template (Arguments, Output, Assign, ItemSelector, a Catch's Output or Assign): a string
    /// <c>"{% … %}"</c> anywhere in it is an expression, every other value is copied as it is (keys ending in
    /// <c>.$</c> are not special). <paramref name="field"/> is the field's name in evaluation errors: nested values
    /// add their keys (<c>Output/result</c>).
    /// </summary>
    public static TemplateNode CompileJsonata(JsonNode? node, string field, string path, List<AslDiagnostic> diagnostics) =>
        Tree(node,
             (key, value) => (key, CompileJsonata(value, $"{field}/{key}", AslPath.Member(path, key), diagnostics)),
             (index, item) => CompileJsonata(item, $"{field}[{index}]", $"{path}[{index}]", diagnostics),
             leaf => Evaluation.Jsonata.JsonataQuery.ExpressionOf(leaf) is { } text && CompileQuery(text, path, diagnostics) is { } query
                 ? new TemplateNode.Jsonata(field, query)
                 : new TemplateNode.Constant(leaf?.DeepClone()));

    /// <summary>An object or array of compiled members, or a leaf; a subtree with nothing dynamic becomes one constant.</summary>
    private static TemplateNode Tree(JsonNode? node, Func<string, JsonNode?, (string Name, TemplateNode Value)> member,
        Func<int, JsonNode?, TemplateNode> item, Func<JsonNode?, TemplateNode> leaf)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new string[obj.Count];
                var values = new TemplateNode[obj.Count];
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    (names[i], values[i]) = member(key, value);
                    i++;
                }
                return values.Any(v => v is not TemplateNode.Constant) ? new TemplateNode.Object(names, values) : new TemplateNode.Constant(obj.DeepClone());
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                for (var j = 0; j < array.Count; j++)
                    items[j] = item(j, array[j]);
                return items.Any(v => v is not TemplateNode.Constant) ? new TemplateNode.Array(items) : new TemplateNode.Constant(array.DeepClone());
            default:
                return leaf(node);
        }
    }

    /// <summary>A compiled JSONata expression; null after reporting a syntax error.</summary>
    public static Evaluation.Jsonata.JsonataQuery? CompileQuery(string text, string path, List<AslDiagnostic> diagnostics)
    {
        try
        {
            return Evaluation.Jsonata.JsonataQuery.Compile(text);
        }
        catch (Jsonata.JsonataException ex)
        {
            var at = ex.Position < 0 ? "" : $" at character {Math.Min(ex.Position, text.Length)}";
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidJsonata, path, $"The JSONata expression '{text}' is not valid{at}: {ex.Code}: {ex.Message}"));
            return null;
        }
    }

    /// <summary>A path (<c>$…</c>, <c>$$…</c>, <c>$var…</c>) or an intrinsic call (<c>States.…(…)</c>).</summary>
    public static TemplateNode CompileExpression(JsonNode? value, string fieldName, string path, List<AslDiagnostic> diagnostics)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidFieldValue, path,
                $"The value of '{fieldName}' must be a string holding a path or an intrinsic function."));
            return new TemplateNode.Constant(null);
        }
        var text = v.GetValue<string>();
        if (IntrinsicParser.LooksLikeCall(text))
        {
            if (IntrinsicParser.TryParse(text, out var call, out var callError))
                return new TemplateNode.Intrinsic(call);
            diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidIntrinsic, path, callError!));
            return new TemplateNode.Constant(null);
        }
        if (JsonPathParser.TryParse(text, out var parsed, out var error))
            return new TemplateNode.Path(fieldName, parsed);
        diagnostics.Add(new AslDiagnostic(AslDiagnosticCodes.InvalidJsonPath, path,
            $"The value of '{fieldName}' is neither a valid JSONPath nor an intrinsic function: {error}"));
        return new TemplateNode.Constant(null);
    }
}
