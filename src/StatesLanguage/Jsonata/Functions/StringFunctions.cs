using System.Text;
using System.Text.RegularExpressions;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>The string functions. Lengths and offsets count Unicode code points, as JavaScript's string iterator does.</summary>
internal static partial class StringFunctions
{
    public static void Register(LibraryBuilder library)
    {
        library.Add("string", "<x-b?:s>", 1, (_, a) => a[0] is null ? null : ToJsonataString(a[0], a.Length > 1 && a[1] is true));
        library.Add("substring", "<s-nn?:s>", 3, (_, a) => a[0] is string s ? Substring(s, a[1] as double?, a.Length > 2 ? a[2] as double? : null) : null);
        library.Add("substringBefore", "<s-s:s>", 2, (_, a) => a[0] is string s
            ? s.IndexOf(JsText(a[1]), StringComparison.Ordinal) is var i and >= 0 ? s[..i] : s
            : null);
        library.Add("substringAfter", "<s-s:s>", 2, (_, a) => a[0] is string s
            ? s.IndexOf(JsText(a[1]), StringComparison.Ordinal) is var i and >= 0 ? s[(i + JsText(a[1]).Length)..] : s
            : null);
        library.Add("lowercase", "<s-:s>", 1, (_, a) => (a[0] as string)?.ToLowerInvariant());
        library.Add("uppercase", "<s-:s>", 1, (_, a) => (a[0] as string)?.ToUpperInvariant());
        library.Add("length", "<s-:n>", 1, (_, a) => a[0] is string s ? (double)CodePointCount(s) : null);
        library.Add("trim", "<s-:s>", 1, (_, a) => a[0] is string s ? Trim(s) : null);
        library.Add("pad", "<s-ns?:s>", 3, (_, a) => a[0] is string s ? a[1] is double width ? Pad(s, width, a.Length > 2 ? a[2] as string : null) : s : null);
        library.Add("contains", "<s-(sf):b>", 2, Contains);
        library.Add("split", "<s-(sf)n?:a<s>>", 3, Split);
        library.Add("join", "<a<s>s?:s>", 2, (_, a) => a[0] is JList list ? Join(list, a.Length > 1 ? a[1] as string ?? "" : "") : null);
        library.Add("match", "<s-f<s:o>n?:a<o>>", 3, Match);
        library.Add("replace", "<s-(sf)(sf)n?:s>", 4, Replace);
        library.Add("base64encode", "<s-:s>", 1, (_, a) => a[0] is string s ? Convert.ToBase64String(Encoding.Latin1.GetBytes(s)) : null);
        library.Add("base64decode", "<s-:s>", 1, (_, a) => a[0] is string s ? Base64Decode(s) : null);
        library.Add("encodeUrlComponent", "<s-:s>", 1, (_, a) => a[0] is string s ? UrlCoding.Encode(s, component: true, "encodeUrlComponent") : null);
        library.Add("encodeUrl", "<s-:s>", 1, (_, a) => a[0] is string s ? UrlCoding.Encode(s, component: false, "encodeUrl") : null);
        library.Add("decodeUrlComponent", "<s-:s>", 1, (_, a) => a[0] is string s ? UrlCoding.Decode(s, component: true, "decodeUrlComponent") : null);
        library.Add("decodeUrl", "<s-:s>", 1, (_, a) => a[0] is string s ? UrlCoding.Decode(s, component: false, "decodeUrl") : null);
    }

    private static string Join(JList strings, string separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < strings.Count; i++)
        {
            if (i > 0)
                builder.Append(separator);
            builder.Append((string)strings[i]!);
        }
        return builder.ToString();
    }

    /// <summary>A string argument as JavaScript coerces it: undefined becomes "undefined".</summary>
    private static string JsText(object? value) => value as string ?? "undefined";

    /// <summary>$string of a defined value: strings as they are, other values as JSON with numbers to 15 digits.</summary>
    public static string ToJsonataString(object? value, bool pretty = false)
    {
        switch (value)
        {
            case string s:
                return s;
            case JFunction:
                return "";
            case double d when !double.IsFinite(d):
                throw JsonataErrors.Create("D3001", -1, null, d);
            case JList { OuterWrapper: true, Count: > 0 } wrapped:
                return JsonataValues.Stringify(wrapped[0], pretty, roundNumbers: true);
            default:
                return JsonataValues.Stringify(value, pretty, roundNumbers: true);
        }
    }

    /// <summary>Decodes base64 leniently, as Node's Buffer does: characters outside the alphabet are ignored.</summary>
    private static string Base64Decode(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '+' or '/')
                clean.Append(c);
            else if (c is '-')
                clean.Append('+');
            else if (c is '_')
                clean.Append('/');
        }
        if (clean.Length % 4 == 1)
            clean.Length--;
        while (clean.Length % 4 != 0)
            clean.Append('=');
        return Encoding.Latin1.GetString(Convert.FromBase64String(clean.ToString()));
    }

    public static int CodePointCount(string s)
    {
        var count = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                i++;
            count++;
        }
        return count;
    }

    /// <summary>The UTF-16 offset of code point <paramref name="index"/> (clamped to the string).</summary>
    private static int Offset(string s, int index)
    {
        var offset = 0;
        for (var n = 0; n < index && offset < s.Length; n++)
            offset += char.IsHighSurrogate(s[offset]) && offset + 1 < s.Length && char.IsLowSurrogate(s[offset + 1]) ? 2 : 1;
        return offset;
    }

    private static string Substring(string s, double? startOrUndefined, double? length)
    {
        // An undefined start is NaN in JavaScript: nothing when a length is given, else the whole string.
        if (startOrUndefined is not { } start)
            return length is null ? s : "";
        var count = CodePointCount(s);
        if (count + start < 0)
            start = 0;
        double end = count;
        if (length is { } l)
        {
            if (l <= 0)
                return "";
            end = start >= 0 ? start + l : count + start + l;
        }
        var from = SliceIndex(start, count);
        var to = SliceIndex(end, count);
        if (to <= from)
            return "";
        var a = Offset(s, from);
        var b = Offset(s, to);
        return s[a..b];
    }

    /// <summary>An index as JavaScript's slice reads it: truncated, negative from the end, clamped.</summary>
    private static int SliceIndex(double index, int count)
    {
        var i = Math.Truncate(index);
        if (i < 0)
            i = Math.Max(0, count + i);
        return (int)Math.Min(i, count);
    }

    private static string Trim(string s)
    {
        var result = Whitespace().Replace(s, " ");
        if (result.StartsWith(' '))
            result = result[1..];
        if (result.EndsWith(' '))
            result = result[..^1];
        return result;
    }

    [GeneratedRegex("[ \t\n\r]+")]
    private static partial Regex Whitespace();

    private static string Pad(string s, double width, string? pad)
    {
        if (string.IsNullOrEmpty(pad))
            pad = " ";
        var w = (int)Math.Truncate(width);
        var padLength = Math.Abs(w) - CodePointCount(s);
        if (padLength <= 0)
            return s;
        var builder = new StringBuilder();
        for (var i = 0; i < padLength; i++)
            builder.Append(pad);
        var padding = builder.ToString();
        if (pad.Length > 1)
            padding = Substring(padding, 0, padLength);
        return w > 0 ? s + padding : padding + s;
    }

    private static object? Contains(CallContext context, object?[] a)
    {
        if (a[0] is not string s || a[1] is null)
            return null;
        if (a[1] is string token)
            return JsonataValues.Bool(s.Contains(token, StringComparison.Ordinal));
        return JsonataValues.Bool(Matcher.First(context, (JFunction)a[1]!, s) is not null);
    }

    private static object? Split(CallContext context, object?[] a)
    {
        if (a[0] is not string s)
            return null;
        var limit = a.Length > 2 ? a[2] as double? : null;
        if (limit < 0)
            throw JsonataErrors.Create("D3020", -1, null, limit);
        var result = new JList();
        var max = limit is { } l ? (int)Math.Floor(l) : int.MaxValue;
        if (max == 0)
            return result;
        if (a[1] is null)
            return new JList { s };
        if (a[1] is string separator)
        {
            if (separator.Length == 0)
            {
                foreach (var c in s)
                {
                    if (result.Count >= max)
                        break;
                    result.Add(c.ToString());
                }
                return result;
            }
            foreach (var part in s.Split(separator))
            {
                if (result.Count >= max)
                    break;
                result.Add(part);
            }
            return result;
        }
        var start = 0;
        var count = 0;
        foreach (var match in Matcher.All(context, (JFunction)a[1]!, s))
        {
            if (count >= max)
                break;
            result.Add(s[start..match.Start]);
            start = match.End;
            count++;
        }
        if (count < max)
            result.Add(s[start..]);
        return result;
    }

    private static object? Match(CallContext context, object?[] a)
    {
        if (a[0] is not string s)
            return null;
        var limit = a.Length > 2 ? a[2] as double? : null;
        if (limit < 0)
            throw JsonataErrors.Create("D3040", -1, null, limit);
        var result = JList.Sequence();
        var max = limit is { } l ? (int)Math.Floor(l) : int.MaxValue;
        foreach (var match in Matcher.All(context, (JFunction)a[1]!, s))
        {
            if (result.Count >= max)
                break;
            result.Add(new JObject { ["match"] = match.Value, ["index"] = (double)match.Start, ["groups"] = match.Groups });
        }
        return result;
    }

    private static object? Replace(CallContext context, object?[] a)
    {
        if (a[0] is not string s)
            return null;
        var pattern = a[1];
        if (pattern is null)
            return s;
        if (pattern is "")
            throw JsonataErrors.Create("D3010", -1, null, pattern);
        var limit = a.Length > 3 ? a[3] as double? : null;
        if (limit < 0)
            throw JsonataErrors.Create("D3011", -1, null, limit);
        var max = limit is { } l ? (int)Math.Floor(l) : int.MaxValue;
        var replacement = a[2];
        var builder = new StringBuilder();
        var position = 0;
        var count = 0;
        if (pattern is string text)
        {
            var replacementText = JsText(replacement);
            var index = s.IndexOf(text, StringComparison.Ordinal);
            while (index >= 0 && count < max)
            {
                builder.Append(s, position, index - position).Append(replacementText);
                position = index + text.Length;
                count++;
                index = s.IndexOf(text, position, StringComparison.Ordinal);
            }
            builder.Append(s, position, s.Length - position);
            return builder.ToString();
        }
        foreach (var match in Matcher.All(context, (JFunction)pattern!, s))
        {
            if (count >= max)
                break;
            builder.Append(s, position, match.Start - position);
            if (replacement is not JFunction replacer)
                builder.Append(Substitute(JsText(replacement), match));
            else
            {
                var replaced = context.Evaluator.Call(replacer, [match.ToObject()], context.Environment);
                if (replaced is not string r)
                    throw JsonataErrors.Create("D3012", -1, null, replaced);
                builder.Append(r);
            }
            position = match.Start + match.Value.Length;
            count++;
        }
        builder.Append(s, position, s.Length - position);
        return builder.ToString();
    }

    /// <summary>Expands $0, $1… and $$ in a replacement string.</summary>
    private static string Substitute(string template, MatchResult match)
    {
        var builder = new StringBuilder();
        var position = 0;
        var index = template.IndexOf('$', position);
        var groupCount = match.Groups.Count;
        while (index >= 0 && position < template.Length)
        {
            builder.Append(template, position, index - position);
            position = index + 1;
            var next = position < template.Length ? template[position] : '\0';
            if (next == '$')
            {
                builder.Append('$');
                position++;
            }
            else if (next == '0')
            {
                builder.Append(match.Value);
                position++;
            }
            else
            {
                var maxDigits = groupCount == 0 ? 1 : (int)Math.Floor(Math.Log10(groupCount)) + 1;
                var digits = LeadingNumber(template, position, maxDigits);
                if (maxDigits > 1 && digits is { } d && d > groupCount)
                    digits = LeadingNumber(template, position, maxDigits - 1);
                if (digits is { } group)
                {
                    if (groupCount > 0 && group >= 1 && group <= groupCount)
                        builder.Append((string?)match.Groups[group - 1]);
                    position += group.ToString(CultureInfo.InvariantCulture).Length;
                }
                else
                    builder.Append('$');
            }
            index = template.IndexOf('$', position);
        }
        builder.Append(template, position, template.Length - position);
        return builder.ToString();
    }

    private static int? LeadingNumber(string text, int start, int maxDigits)
    {
        var end = start;
        while (end < text.Length && end - start < maxDigits && char.IsAsciiDigit(text[end]))
            end++;
        return end == start ? null : int.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
    }
}
