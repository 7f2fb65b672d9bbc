using System.Text;
using System.Text.RegularExpressions;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

internal static partial class NumericFunctions
{
    public static void Register(LibraryBuilder library)
    {
        library.Add("number", "<(nsb)-:n>", 1, (_, a) => a[0] is null ? null : ToNumber(a[0]!));
        library.Add("abs", "<n-:n>", 1, (_, a) => a[0] is double d ? Math.Abs(d) : null);
        library.Add("floor", "<n-:n>", 1, (_, a) => a[0] is double d ? Math.Floor(d) : null);
        library.Add("ceil", "<n-:n>", 1, (_, a) => a[0] is double d ? Math.Ceiling(d) : null);
        library.Add("round", "<n-n?:n>", 2, (_, a) => a[0] is double d ? Round(d, a.Length > 1 && a[1] is double p ? (int)p : 0) : null);
        library.Add("sqrt", "<n-:n>", 1, (_, a) => a[0] is double d
            ? d < 0 ? throw JsonataErrors.Create("D3060", -1, null, d) : Math.Sqrt(d)
            : null);
        library.Add("power", "<n-n:n>", 2, (_, a) => a[0] is double d ? Power(d, a[1] as double? ?? double.NaN) : null);
        library.Add("random", "<:n>", 0, (_, _) => Random.Shared.NextDouble());
        library.Add("sum", "<a<n>:n>", 1, (_, a) => a[0] is JList list ? Sum(list) : null);
        library.Add("max", "<a<n>:n>", 1, (_, a) => a[0] is JList { Count: > 0 } list ? Extreme(list, max: true) : null);
        library.Add("min", "<a<n>:n>", 1, (_, a) => a[0] is JList { Count: > 0 } list ? Extreme(list, max: false) : null);
        library.Add("average", "<a<n>:n>", 1, (_, a) => a[0] is JList { Count: > 0 } list ? Sum(list) / list.Count : null);
        library.Add("formatBase", "<n-n?:s>", 2, (_, a) => a[0] is double d ? FormatBase(d, a.Length > 1 ? a[1] as double? : null) : null);
        library.Add("formatNumber", "<n-so?:s>", 3, (_, a) => a[0] is double d && a[1] is string
            ? Pictures.FormatNumber(d, (string)a[1]!, a.Length > 2 && a[2] is JObject o ? (JsonObject?)JsonConversion.ToNode(o) : null)
            : null);
        library.Add("formatInteger", "<n-s:s>", 2, (_, a) => a[0] is double d && a[1] is string picture ? Pictures.FormatInteger(d, picture) : null);
        library.Add("parseInteger", "<s-s:n>", 2, (_, a) => a[0] is string s && a[1] is string picture ? Pictures.ParseInteger(s, picture) : null);
    }

    private static double Sum(JList list)
    {
        var total = 0.0;
        foreach (var item in list)
            total += (double)item!;
        return total;
    }

    private static double Extreme(JList list, bool max)
    {
        var result = (double)list[0]!;
        foreach (var item in list)
            result = max ? Math.Max(result, (double)item!) : Math.Min(result, (double)item!);
        return result;
    }

    [GeneratedRegex("^-?[0-9]+(\\.[0-9]+)?([Ee][-+]?[0-9]+)?$")]
    private static partial Regex Decimal();

    private static double ToNumber(object value)
    {
        switch (value)
        {
            case double d:
                return d;
            case bool b:
                return b ? 1.0 : 0.0;
            case string s:
                if (Decimal().IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                    return parsed;
                if (s.Length > 2 && s[0] == '0')
                {
                    var radix = s[1] switch { 'x' or 'X' => 16, 'o' or 'O' => 8, 'b' or 'B' => 2, _ => 0 };
                    if (radix != 0 && TryParseRadix(s[2..], radix, out var number))
                        return number;
                }
                break;
        }
        throw JsonataErrors.Create("D3030", -1, null, value);
    }

    private static bool TryParseRadix(string digits, int radix, out double value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
                return false;
            value = (value * radix) + digit;
        }
        return true;
    }

    /// <summary>Round half to even at <paramref name="precision"/> decimal places (negative: tens, hundreds…).</summary>
    public static double Round(double value, int precision)
    {
        var shifted = precision == 0 ? value : Shift(value, precision);
        var result = Math.Round(shifted, MidpointRounding.ToEven);
        if (precision != 0)
            result = Shift(result, -precision);
        return result == 0 ? 0 : result;
    }

    /// <summary>value × 10^exponent done on the decimal text, as the reference does, to avoid binary drift.</summary>
    private static double Shift(double value, int exponent)
    {
        var text = JsonataValues.FormatNumber(value);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var mantissa = e >= 0 ? text[..e] : text;
        var power = (e >= 0 ? int.Parse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0) + exponent;
        return double.Parse(mantissa + "e" + power.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static double Power(double value, double exponent)
    {
        var result = Math.Pow(value, exponent);
        if (!double.IsFinite(result))
            throw JsonataErrors.Create("D3061", -1, null, value, new Dictionary<string, object?>(StringComparer.Ordinal) { ["exp"] = exponent });
        return result;
    }

    private static string FormatBase(double value, double? radix)
    {
        var number = Round(value, 0);
        var r = radix is { } given ? (int)Round(given, 0) : 10;
        if (r is < 2 or > 36)
            throw JsonataErrors.Create("D3100", -1, null, (double)r);
        var magnitude = (long)Math.Abs(number);
        if (magnitude == 0)
            return "0";
        var builder = new StringBuilder();
        while (magnitude > 0)
        {
            var digit = (int)(magnitude % r);
            builder.Insert(0, (char)(digit < 10 ? '0' + digit : 'a' + digit - 10));
            magnitude /= r;
        }
        if (number < 0)
            builder.Insert(0, '-');
        return builder.ToString();
    }
}
