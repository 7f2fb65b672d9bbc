using System.Diagnostics;
using System.Runtime.CompilerServices;
using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>
/// Evaluates one compiled expression once: holds the per-evaluation state (depth, time budget, timestamp), so a
/// compiled tree can be evaluated by many threads at once, each with its own evaluator.
/// </summary>
internal sealed partial class Evaluator
{
    private const string TimeoutMessage = "Expression evaluation timeout: Check for infinite loop";

    private int _maxDepth;
    private long _deadline;
    private CancellationToken _cancellation;
    private TimeProvider _clock = TimeProvider.System;
    private DateTimeOffset? _now;
    private int _depth;
    private int _ticks;

    /// <summary>An evaluator the thread may use for its next evaluation (see <see cref="Rent"/>).</summary>
    [ThreadStatic]
    private static Evaluator? t_spare;

    private Evaluator()
    {
    }

    /// <summary>An evaluator for one evaluation with <paramref name="options"/>: the thread's spare one when it has
    /// one (most evaluations are short, and making one for each cost as much as some of them), else a new one. Give it
    /// back with <see cref="Return"/> when the evaluation is over; an evaluation started inside another (a native
    /// function that evaluates an expression) gets a new one.</summary>
    public static Evaluator Rent(JsonataEvaluationOptions options)
    {
        var evaluator = t_spare ?? new Evaluator();
        t_spare = null;
        evaluator._maxDepth = options.MaxDepth ?? int.MaxValue;
        evaluator._deadline = options.Timeout is { } timeout ? Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        evaluator._cancellation = options.CancellationToken;
        evaluator._clock = options.TimeProvider;
        evaluator._now = null;
        evaluator._depth = 0;
        evaluator._ticks = 0;
        return evaluator;
    }

    /// <summary>Keeps the evaluator as the thread's spare; nothing may use it after this.</summary>
    public static void Return(Evaluator evaluator)
    {
        evaluator._clock = TimeProvider.System;
        evaluator._cancellation = default;
        t_spare = evaluator;
    }

    /// <summary>The evaluation's time: the clock read once, when first needed (most expressions never need it).</summary>
    public DateTimeOffset Now => _now ??= _clock.GetUtcNow();

    public object? Evaluate(Node node, object? input, Frame environment)
    {
        // The stack is checked at every fourth level: an evaluation level takes a few frames.
        if (++_depth > _maxDepth || (_depth % 4 == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack()))
            throw StackGuard.Overflow(node.Position);
        if ((++_ticks & 0x3FF) == 0)
            CheckBudget(node);
        var result = node.Type switch
        {
            NodeType.Path => EvaluatePath(node, input, environment),
            NodeType.Binary => EvaluateBinary(node, input, environment),
            NodeType.Name => Lookup(input, node.Text!),
            NodeType.String or NodeType.Number or NodeType.Value => node.Literal,
            NodeType.Wildcard => EvaluateWildcard(input),
            NodeType.Descendant => EvaluateDescendants(input),
            NodeType.Parent => environment.Lookup(node.Slot!.Label),
            NodeType.Condition => Truthy(Evaluate(node.Condition!, input, environment))
                ? Evaluate(node.Then!, input, environment)
                : node.Else is null ? null : Evaluate(node.Else, input, environment),
            NodeType.Block => EvaluateBlock(node, input, environment),
            NodeType.Bind => EvaluateBind(node, input, environment),
            NodeType.Regex => node.Literal,
            NodeType.Function => EvaluateFunction(node, input, environment, null, false),
            NodeType.Variable => node.Text!.Length == 0
                ? input is JList { OuterWrapper: true } wrapped ? wrapped[0] : input
                : environment.Lookup(node.Text),
            NodeType.Lambda => new Lambda(node, input, environment, node.Parameters!, node.Signature),
            NodeType.Partial => EvaluatePartial(node, input, environment),
            NodeType.Apply => EvaluateApply(node, input, environment),
            NodeType.Transform => new TransformFunction(node, environment),
            NodeType.Negate => EvaluateNegate(node, input, environment),
            NodeType.ArrayConstructor => EvaluateArray(node, input, environment),
            NodeType.ObjectConstructor => EvaluateGroup(node.Pairs!, node.Position, input, environment),
            _ => throw new InvalidOperationException("Unexpected node " + node.Type),
        };
        if (node.Predicates is { } predicates)
        {
            foreach (var predicate in predicates)
                result = EvaluateFilter(predicate.Expression!, result, environment);
        }
        if (node.Group is { } group && node.Type != NodeType.Path)
            result = EvaluateGroup(group.Pairs, group.Position, result, environment);
        if (result is JList { IsSequence: true, TupleStream: false } sequence)
        {
            if (node.KeepArray)
                sequence.KeepSingleton = true;
            if (sequence.Count == 0)
                result = null;
            else if (sequence.Count == 1 && !sequence.KeepSingleton)
                result = sequence[0];
        }
        _depth--;
        return result;
    }

    private static Dictionary<string, object?> Message(string text) => new(StringComparer.Ordinal) { ["message"] = text };

    private void CheckBudget(Node node)
    {
        if (Stopwatch.GetTimestamp() > _deadline || _cancellation.IsCancellationRequested)
            throw JsonataErrors.Create("U1001", node.Position, null, null, Message(TimeoutMessage));
    }

    public static bool Truthy(object? value) => JsonataValues.Truthy(value) == true;

    private object? EvaluateBlock(Node node, object? input, Frame environment)
    {
        object? result = null;
        var frame = new Frame(environment);
        foreach (var expression in node.Expressions!)
            result = Evaluate(expression, input, frame);
        return result;
    }

    private object? EvaluateBind(Node node, object? input, Frame environment)
    {
        var value = Evaluate(node.Rhs!, input, environment);
        environment.Bind(node.Lhs!.Text!, value);
        return value;
    }

    private object? EvaluateNegate(Node node, object? input, Frame environment)
    {
        var value = Evaluate(node.Lhs!, input, environment);
        return value switch
        {
            null => null,
            double d => -d,
            _ => throw JsonataErrors.Create("D1002", node.Position, "-", value),
        };
    }

    private JList EvaluateArray(Node node, object? input, Frame environment)
    {
        var result = new JList();
        foreach (var item in node.Expressions!)
        {
            var value = Evaluate(item, input, environment);
            if (value is null)
                continue;
            if (item.Type == NodeType.ArrayConstructor)
                result.Add(value);
            else if (value is JList list)
                result.AddRange(list);
            else
                result.Add(value);
        }
        if (node.ConsArray)
            result.Cons = true;
        return result;
    }

    /// <summary>The value of a field: for an array, the flattened values of the field in each item.</summary>
    public static object? Lookup(object? input, string key)
    {
        if (input is JList list)
        {
            var result = JList.Sequence();
            foreach (var item in list)
            {
                var value = Lookup(item, key);
                if (value is JList inner)
                    result.AddRange(inner);
                else if (value is not null)
                    result.Add(value);
            }
            return result;
        }
        return input is JObject obj && obj.TryGetValue(key, out var found) ? found : null;
    }

    private static JList EvaluateWildcard(object? input)
    {
        JList results = JList.Sequence();
        if (input is JList { OuterWrapper: true, Count: > 0 } wrapped)
            input = wrapped[0];
        IEnumerable<object?>? values = input switch
        {
            JObject obj => obj.Values,
            JList items => items,
            _ => null,
        };
        if (values is not null)
        {
            foreach (var value in values)
            {
                if (value is JList list)
                {
                    var flat = new JList();
                    Flatten(list, flat);
                    results = Append(results, flat) as JList ?? results;
                }
                else
                    results.Add(value);
            }
        }
        return results;
    }

    private static void Flatten(object? value, JList into)
    {
        StackGuard.Ensure();
        if (value is JList list)
        {
            foreach (var item in list)
                Flatten(item, into);
        }
        else
            into.Add(value);
    }

    private static object? EvaluateDescendants(object? input)
    {
        if (input is null)
            return null;
        var results = JList.Sequence();
        Descend(input, results);
        return results.Count == 1 ? results[0] : results;
    }

    private static void Descend(object? input, JList results)
    {
        StackGuard.Ensure();
        if (input is JList list)
        {
            foreach (var item in list)
                Descend(item, results);
            return;
        }
        results.Add(input);
        if (input is JObject obj)
        {
            foreach (var value in obj.Values)
                Descend(value, results);
        }
    }

    /// <summary>$append's rule: undefined gives the other; otherwise a new (plain) array of both.</summary>
    public static object? Append(object? first, object? second)
    {
        if (first is null)
            return second;
        if (second is null)
            return first;
        var result = new JList();
        if (first is JList a)
            result.AddRange(a);
        else
            result.Add(first);
        if (second is JList b)
            result.AddRange(b);
        else
            result.Add(second);
        return result;
    }
}
