using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

internal sealed partial class Evaluator
{
    private object? EvaluateFunction(Node node, object? input, Frame environment, object? applyTo, bool hasApplyTo)
    {
        var procedure = Evaluate(node.Procedure!, input, environment);
        var name = node.ProcedureName;
        if (procedure is null && node.Procedure!.Type == NodeType.Path && environment.Lookup(name!) is not null)
            throw JsonataErrors.Create("T1005", node.Position, name);
        var arguments = new object?[node.Expressions!.Count + (hasApplyTo ? 1 : 0)];
        var offset = 0;
        if (hasApplyTo)
        {
            arguments[0] = applyTo;
            offset = 1;
        }
        for (var i = 0; i < node.Expressions.Count; i++)
            arguments[i + offset] = Evaluate(node.Expressions[i], input, environment);
        try
        {
            return Apply(procedure, arguments, input, environment, node.Position, name);
        }
        catch (JsonataException error)
        {
            throw JsonataErrors.WithLocation(error, node.Position, name, overridePosition: false);
        }
    }

    /// <summary>Calls a function value (with the trampoline that runs tail calls without growing the stack).</summary>
    /// <remarks>As in the reference, an error leaving the function itself is reported at the call
    /// (<paramref name="callPosition"/>, so the outermost call wins); one from a tail call at that call's procedure.</remarks>
    public object? Apply(object? procedure, object?[] arguments, object? input, Frame environment, int callPosition = -1, string? callName = null)
    {
        object? result;
        try
        {
            result = ApplyInner(procedure, arguments, input, environment);
        }
        catch (JsonataException error) when (procedure is JFunction && callPosition >= 0)
        {
            throw JsonataErrors.WithLocation(error, callPosition, callName, overridePosition: true);
        }
        while (result is Lambda { Thunk: true } thunk)
        {
            var call = thunk.Body;
            var next = Evaluate(call.Procedure!, thunk.Input, thunk.Environment);
            var evaluated = new object?[call.Expressions!.Count];
            for (var i = 0; i < evaluated.Length; i++)
                evaluated[i] = Evaluate(call.Expressions[i], thunk.Input, thunk.Environment);
            try
            {
                result = ApplyInner(next, evaluated, input, environment);
            }
            catch (JsonataException error)
            {
                throw JsonataErrors.WithLocation(error, call.Procedure!.Position, call.ProcedureName, overridePosition: next is JFunction);
            }
        }
        return result;
    }

    /// <summary>Calls a function from a native one (the higher-order functions).</summary>
    /// <remarks>The context is JSON null here, as in the reference: a <c>-</c> parameter left out then fails T0411.</remarks>
    public object? Call(JFunction function, object?[] arguments, Frame environment) => Apply(function, arguments, JNull.Instance, environment);

    private object? ApplyInner(object? procedure, object?[] arguments, object? input, Frame environment)
    {
        if (procedure is not JFunction function)
            throw JsonataErrors.Create("T1006", -1);
        var validated = function.Signature is { } signature ? signature.Validate(arguments, input) : arguments;
        switch (function)
        {
            case Lambda lambda:
                var frame = new Frame(lambda.Environment);
                for (var i = 0; i < lambda.Parameters.Count; i++)
                    frame.Bind(lambda.Parameters[i], i < validated.Length ? validated[i] : null);
                return Evaluate(lambda.Body, lambda.Input, frame);
            case NativeFunction native:
                return native.Body(new CallContext(this, input, environment), validated);
            case PartialNative partial:
                var filled = new object?[Math.Max(partial.Arguments.Length, partial.Target.Arity)];
                var next = 0;
                for (var i = 0; i < filled.Length; i++)
                {
                    var bound = i < partial.Arguments.Length ? partial.Arguments[i] : null;
                    filled[i] = ReferenceEquals(bound, PartialNative.Placeholder)
                        ? next < validated.Length ? validated[next++] : null
                        : bound;
                }
                var trimmed = filled.Length;
                while (trimmed > 0 && filled[trimmed - 1] is null)
                    trimmed--;
                return ApplyInner(partial.Target, filled[..trimmed], null, environment);
            case ComposedFunction composed:
                var first = Apply(composed.First, validated, JNull.Instance, environment);
                return Apply(composed.Second, [first], JNull.Instance, environment);
            case TransformFunction transform:
                return Transform(transform, validated.Length > 0 ? validated[0] : null);
            case JsRegex regex:
                return RegexMatch(regex, validated.Length > 0 ? validated[0] : null);
            default:
                throw JsonataErrors.Create("T1006", -1);
        }
    }

    private static JObject? RegexMatch(JsRegex regex, object? argument)
    {
        if (argument is not string text)
            return null;
        var match = regex.Regex.Match(text);
        return match.Success ? JsRegex.MatchObject(match) : null;
    }

    private object EvaluatePartial(Node node, object? input, Frame environment)
    {
        var arguments = new object?[node.Expressions!.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var argument = node.Expressions[i];
            arguments[i] = argument.Type == NodeType.PartialPlaceholder ? PartialNative.Placeholder : Evaluate(argument, input, environment);
        }
        var procedure = Evaluate(node.Procedure!, input, environment);
        var name = node.ProcedureName;
        if (procedure is null && node.Procedure!.Type == NodeType.Path && environment.Lookup(name!) is not null)
            throw JsonataErrors.Create("T1007", node.Position, name);
        switch (procedure)
        {
            case Lambda lambda:
                var frame = new Frame(lambda.Environment);
                var unbound = new List<string>();
                for (var i = 0; i < lambda.Parameters.Count; i++)
                {
                    var argument = i < arguments.Length ? arguments[i] : null;
                    if (ReferenceEquals(argument, PartialNative.Placeholder))
                        unbound.Add(lambda.Parameters[i]);
                    else
                        frame.Bind(lambda.Parameters[i], argument);
                }
                var partialNode = new Node(NodeType.Lambda, lambda.Node.Position) { Body = lambda.Body, Parameters = unbound };
                return new Lambda(partialNode, lambda.Input, frame, unbound, null);
            case NativeFunction native:
                return new PartialNative(native, arguments);
            case JFunction other:
                return new PartialNative(new NativeFunction("partial", null, arguments.Length,
                    (context, args) => context.Evaluator.Apply(other, args, null, context.Environment)), arguments);
            default:
                throw JsonataErrors.Create("T1008", node.Position, name);
        }
    }

    private object? EvaluateApply(Node node, object? input, Frame environment)
    {
        var lhs = Evaluate(node.Lhs!, input, environment);
        if (node.Rhs!.Type == NodeType.Function)
            return EvaluateFunction(node.Rhs, input, environment, lhs, true);
        var function = Evaluate(node.Rhs, input, environment);
        if (function is not JFunction rhs)
            throw JsonataErrors.Create("T2006", node.Position, null, function);
        if (lhs is JFunction first)
            return new ComposedFunction(first, rhs);
        return Apply(rhs, [lhs], JNull.Instance, environment);
    }
}
