using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

internal sealed partial class Evaluator
{
    private object? EvaluateBinary(Node node, object? input, Frame environment)
    {
        var op = node.Text!;
        var lhs = Evaluate(node.Lhs!, input, environment);
        if (op == "and")
            return JsonataValues.Bool(Truthy(lhs) && Truthy(Evaluate(node.Rhs!, input, environment)));
        if (op == "or")
            return JsonataValues.Bool(Truthy(lhs) || Truthy(Evaluate(node.Rhs!, input, environment)));
        var rhs = Evaluate(node.Rhs!, input, environment);
        try
        {
            return op switch
            {
                "+" or "-" or "*" or "/" or "%" => Arithmetic(lhs, rhs, op),
                "=" => JsonataValues.Bool(lhs is not null && rhs is not null && JsonataValues.DeepEqual(lhs, rhs)),
                "!=" => JsonataValues.Bool(lhs is not null && rhs is not null && !JsonataValues.DeepEqual(lhs, rhs)),
                "<" or "<=" or ">" or ">=" => Compare(lhs, rhs, op),
                "&" => Concat(lhs, rhs),
                ".." => Range(lhs, rhs),
                "in" => Includes(lhs, rhs),
                _ => throw JsonataErrors.Create("S0201", node.Position, op),
            };
        }
        catch (JsonataException error)
        {
            throw JsonataErrors.WithLocation(error, node.Position, op, overridePosition: true);
        }
    }

    private static double? Arithmetic(object? lhs, object? rhs, string op)
    {
        if (lhs is double x && double.IsInfinity(x))
            throw JsonataErrors.Create("D1001", -1, null, lhs);
        if (rhs is double y && double.IsInfinity(y))
            throw JsonataErrors.Create("D1001", -1, null, rhs);
        if (lhs is not null && lhs is not double)
            throw JsonataErrors.Create("T2001", -1, null, lhs);
        if (rhs is not null && rhs is not double)
            throw JsonataErrors.Create("T2002", -1, null, rhs);
        if (lhs is null || rhs is null)
            return null;
        double a = (double)lhs, b = (double)rhs;
        return op switch
        {
            "+" => a + b,
            "-" => a - b,
            "*" => a * b,
            "/" => a / b,
            _ => a % b,
        };
    }

    private static object? Compare(object? lhs, object? rhs, string op)
    {
        var lok = lhs is null or string or double;
        var rok = rhs is null or string or double;
        if (!lok || !rok)
            throw JsonataErrors.Create("T2010", -1, null, lhs is string or double ? rhs : lhs);
        if (lhs is null || rhs is null)
            return null;
        if (lhs.GetType() != rhs.GetType())
            throw JsonataErrors.Create("T2009", -1, null, lhs, Value2(rhs));
        var comparison = lhs is string s ? string.CompareOrdinal(s, (string)rhs) : ((double)lhs).CompareTo((double)rhs);
        return JsonataValues.Bool(op switch
        {
            "<" => comparison < 0,
            "<=" => comparison <= 0,
            ">" => comparison > 0,
            _ => comparison >= 0,
        });
    }

    private static string Concat(object? lhs, object? rhs) =>
        string.Concat(lhs is null ? "" : Functions.StringFunctions.ToJsonataString(lhs), rhs is null ? "" : Functions.StringFunctions.ToJsonataString(rhs));

    private static JList? Range(object? lhs, object? rhs)
    {
        if (lhs is not null && (lhs is not double a || a != Math.Floor(a) || !double.IsFinite(a)))
            throw JsonataErrors.Create("T2003", -1, null, lhs);
        if (rhs is not null && (rhs is not double b || b != Math.Floor(b) || !double.IsFinite(b)))
            throw JsonataErrors.Create("T2004", -1, null, rhs);
        if (lhs is null || rhs is null)
            return null;
        double from = (double)lhs, to = (double)rhs;
        if (from > to)
            return null;
        var size = to - from + 1;
        if (size > 1e7)
            throw JsonataErrors.Create("D2014", -1, null, size);
        var count = (int)size;
        var result = new JList(count) { IsSequence = true };
        for (var i = 0; i < count; i++)
            result.Add(from + i);
        return result;
    }

    private static object Includes(object? lhs, object? rhs)
    {
        if (lhs is null || rhs is null)
            return JsonataValues.False;
        if (rhs is JList list)
        {
            foreach (var item in list)
            {
                if (StrictEquals(item, lhs))
                    return JsonataValues.True;
            }
            return JsonataValues.False;
        }
        return JsonataValues.Bool(StrictEquals(rhs, lhs));
    }

    private static bool StrictEquals(object? a, object? b) => a switch
    {
        double x => b is double y && x == y,
        string s => b is string t && string.Equals(s, t, StringComparison.Ordinal),
        bool p => b is bool q && p == q,
        _ => ReferenceEquals(a, b),
    };
}
