using System.Text;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>
/// The evaluator's value model: C# null is undefined, <see cref="JNull"/> is JSON null, then boxed bool, boxed
/// double, string, <see cref="JList"/>, <see cref="JObject"/> and <see cref="JFunction"/>.
/// </summary>
internal static class JsonataValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Bool(bool value) => value ? True : False;

    public static bool IsArrayOfStrings(object? value)
    {
        if (value is not JList list)
            return false;
        foreach (var item in list)
        {
            if (item is not string)
                return false;
        }
        return true;
    }

    public static bool IsArrayOfNumbers(object? value)
    {
        if (value is not JList list)
            return false;
        foreach (var item in list)
        {
            if (item is not double)
                return false;
        }
        return true;
    }

    /// <summary>JSONata's truthiness ($boolean); null for undefined.</summary>
    public static bool? Truthy(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JList list:
                if (list.Count == 1)
                    return Truthy(list[0]) ?? false;
                foreach (var item in list)
                {
                    if (Truthy(item) == true)
                        return true;
                }
                return false;
            case string s:
                return s.Length > 0;
            case double d:
                return d != 0;
            case bool b:
                return b;
            case JObject o:
                return o.Count > 0;
            default:
                return false;
        }
    }

    public static bool DeepEqual(object? a, object? b)
    {
        StackGuard.Ensure();
        if (ReferenceEquals(a, b))
            return true;
        switch (a)
        {
            case null:
                return false;
            case double x:
                return b is double y && x == y;
            case string s:
                return b is string t && string.Equals(s, t, StringComparison.Ordinal);
            case bool p:
                return b is bool q && p == q;
            case JList l:
                if (b is not JList m || l.Count != m.Count)
                    return false;
                for (var i = 0; i < l.Count; i++)
                {
                    if (!DeepEqual(l[i], m[i]))
                        return false;
                }
                return true;
            case JObject o:
                if (b is not JObject r || o.Count != r.Count)
                    return false;
                foreach (var (key, value) in o)
                {
                    if (!r.TryGetValue(key, out var other) || !DeepEqual(value, other))
                        return false;
                }
                return true;
            default:
                return false;
        }
    }

    /// <summary>A number as JavaScript's <c>String(n)</c> prints it.</summary>
    public static string FormatNumber(double value)
    {
        if (double.IsNaN(value))
            return "NaN";
        if (double.IsInfinity(value))
            return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0)
            return "0";
        if (Math.Abs(value) < 1e15 && value == Math.Floor(value))
            return ((long)value).ToString(CultureInfo.InvariantCulture);
        // Shortest round-trip digits and decimal exponent.
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        if (negative)
            shortest = shortest[1..];
        string digits;
        int exponent; // value = 0.digits * 10^exponent
        var ePos = shortest.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? shortest[..ePos] : shortest;
        var exp10 = ePos >= 0 ? int.Parse(shortest[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : "";
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - digits.Length;
        exponent = intPart.Length - leadingZeros + exp10;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
            return "0";
        var builder = new StringBuilder();
        if (negative)
            builder.Append('-');
        var k = digits.Length;
        var n = exponent;
        if (k <= n && n <= 21)
        {
            builder.Append(digits).Append('0', n - k);
        }
        else if (0 < n && n <= 21)
        {
            builder.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        }
        else if (-6 < n && n <= 0)
        {
            builder.Append("0.").Append('0', -n).Append(digits);
        }
        else
        {
            builder.Append(digits[0]);
            if (k > 1)
                builder.Append('.').Append(digits, 1, k - 1);
            builder.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>JSON text of a value as <c>JSON.stringify</c> writes it (functions as "", undefined skipped).</summary>
    public static string Stringify(object? value, bool pretty = false, bool roundNumbers = false)
    {
        var builder = new StringBuilder();
        Write(builder, value, pretty, roundNumbers, 0);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, bool pretty, bool round, int indent)
    {
        StackGuard.Ensure();
        switch (value)
        {
            case null or JNull:
                builder.Append("null");
                break;
            case bool b:
                builder.Append(b ? "true" : "false");
                break;
            case double d:
                if (!double.IsFinite(d) && round)
                    throw JsonataErrors.Create("D1001", -1, null, d);
                if (!double.IsFinite(d))
                    builder.Append("null");
                else
                    builder.Append(FormatNumber(round ? RoundTo15(d) : d));
                break;
            case string s:
                WriteString(builder, s);
                break;
            case JFunction:
                builder.Append("\"\"");
                break;
            case JList list:
                if (list.Count == 0)
                {
                    builder.Append("[]");
                    break;
                }
                builder.Append('[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                        builder.Append(',');
                    NewLine(builder, pretty, indent + 1);
                    Write(builder, list[i] is null ? JNull.Instance : list[i], pretty, round, indent + 1);
                }
                NewLine(builder, pretty, indent);
                builder.Append(']');
                break;
            case JObject obj:
                var first = true;
                builder.Append('{');
                foreach (var (key, item) in obj)
                {
                    if (item is null)
                        continue;
                    if (!first)
                        builder.Append(',');
                    first = false;
                    NewLine(builder, pretty, indent + 1);
                    WriteString(builder, key);
                    builder.Append(pretty ? ": " : ":");
                    Write(builder, item, pretty, round, indent + 1);
                }
                if (!first)
                    NewLine(builder, pretty, indent);
                builder.Append('}');
                break;
            default:
                builder.Append("null");
                break;
        }
    }

    private static void NewLine(StringBuilder builder, bool pretty, int indent)
    {
        if (pretty)
            builder.Append('\n').Append(' ', indent * 2);
    }

    /// <summary>A non-integer rounded to 15 significant digits, as $string prints numbers.</summary>
    public static double RoundTo15(double d) =>
        d == Math.Floor(d) || !double.IsFinite(d) ? d : double.Parse(d.ToString("E14", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void WriteString(StringBuilder builder, string s)
    {
        builder.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    if (c < 0x20 || LoneSurrogate(s, i))
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        builder.Append('"');
    }

    /// <summary>A surrogate without its pair, which JSON.stringify writes as an escape.</summary>
    private static bool LoneSurrogate(string s, int i) =>
        char.IsHighSurrogate(s[i]) ? i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1])
        : char.IsLowSurrogate(s[i]) && (i == 0 || !char.IsHighSurrogate(s[i - 1]));

    public static string TypeOf(object? value) => value switch
    {
        null => "undefined",
        JNull => "null",
        double => "number",
        string => "string",
        bool => "boolean",
        JList => "array",
        JFunction => "function",
        _ => "object",
    };
}
