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
    public static TemplateNode Compile(JsonNode? node, string path, List<AslDiagnostic> diagnostics)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new string[obj.Count];
                var values = new TemplateNode[obj.Count];
                var dynamic = false;
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    var fieldPath = $"{path}.{key}";
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        names[i] = key[..^2];
                        values[i] = CompileExpression(value, key, fieldPath, diagnostics);
                        dynamic = true;
                    }
                    else
                    {
                        names[i] = key;
                        values[i] = Compile(value, fieldPath, diagnostics);
                        dynamic |= values[i] is not TemplateNode.Constant;
                    }
                    i++;
                }
                return dynamic ? new TemplateNode.Object(names, values) : new TemplateNode.Constant(obj.DeepClone());
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                var anyDynamic = false;
                for (var j = 0; j < array.Count; j++)
                {
                    items[j] = Compile(array[j], $"{path}[{j}]", diagnostics);
                    anyDynamic |= items[j] is not TemplateNode.Constant;
                }
                return anyDynamic ? new TemplateNode.Array(items) : new TemplateNode.Constant(array.DeepClone());
            default:
                return new TemplateNode.Constant(node?.DeepClone());
        }
    }

    /// <summary>
    /// A JSONata state's template (Arguments, Output, Assign, ItemSelector, a Catch's Output or Assign): a string
    /// <c>"{% … %}"</c> anywhere in it is an expression, every other value is copied as it is (keys ending in
    /// <c>.$</c> are not special). <paramref name="field"/> is the field's name in evaluation errors: nested values
    /// add their keys (<c>Output/result</c>).
    /// </summary>
    public static TemplateNode CompileJsonata(JsonNode? node, string field, string path, List<AslDiagnostic> diagnostics)
    {
        switch (node)
        {
            case JsonObject obj:
                var names = new string[obj.Count];
                var values = new TemplateNode[obj.Count];
                var dynamic = false;
                var i = 0;
                foreach (var (key, value) in obj)
                {
                    names[i] = key;
                    values[i] = CompileJsonata(value, $"{field}/{key}", $"{path}.{key}", diagnostics);
                    dynamic |= values[i] is not TemplateNode.Constant;
                    i++;
                }
                return dynamic ? new TemplateNode.Object(names, values) : new TemplateNode.Constant(obj.DeepClone());
            case JsonArray array:
                var items = new TemplateNode[array.Count];
                var anyDynamic = false;
                for (var j = 0; j < array.Count; j++)
                {
                    items[j] = CompileJsonata(array[j], $"{field}[{j}]", $"{path}[{j}]", diagnostics);
                    anyDynamic |= items[j] is not TemplateNode.Constant;
                }
                return anyDynamic ? new TemplateNode.Array(items) : new TemplateNode.Constant(array.DeepClone());
            default:
                return Evaluation.Jsonata.JsonataQuery.ExpressionOf(node) is { } text && CompileQuery(text, path, diagnostics) is { } query
                    ? new TemplateNode.Jsonata(field, query)
                    : new TemplateNode.Constant(node?.DeepClone());
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
