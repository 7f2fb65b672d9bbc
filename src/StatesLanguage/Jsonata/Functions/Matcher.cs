using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Functions;

/// <summary>
/// Runs JSONata's matcher protocol: a regex (fast path, .NET matching) or any function that returns
/// <c>{match, start, end, groups, next}</c>.
/// </summary>
internal static class Matcher
{
    public static MatchResult? First(CallContext context, JFunction matcher, string text)
    {
        foreach (var match in All(context, matcher, text))
            return match;
        return null;
    }

    public static IEnumerable<MatchResult> All(CallContext context, JFunction matcher, string text)
    {
        if (matcher is JsRegex regex)
            return RegexMatches(regex, text);
        return FunctionMatches(context, matcher, text);
    }

    private static IEnumerable<MatchResult> RegexMatches(JsRegex regex, string text)
    {
        var match = regex.Regex.Match(text);
        var first = true;
        while (match.Success)
        {
            if (!first && match.Length == 0)
                throw JsonataErrors.Create("D1004", -1, null, regex.Source);
            first = false;
            yield return Convert(match);
            var end = match.Index + match.Length;
            if (end >= text.Length)
                yield break;
            match = match.Length == 0 ? regex.Regex.Match(text, end) : match.NextMatch();
            if (match.Success && match.Length == 0)
                throw JsonataErrors.Create("D1004", -1, null, regex.Source);
        }
    }

    private static MatchResult Convert(System.Text.RegularExpressions.Match match)
    {
        var groups = new JList();
        for (var i = 1; i < match.Groups.Count; i++)
            groups.Add(match.Groups[i].Success ? match.Groups[i].Value : "");
        return new MatchResult(match.Value, match.Index, match.Index + match.Length, groups);
    }

    private static IEnumerable<MatchResult> FunctionMatches(CallContext context, JFunction matcher, string text)
    {
        var result = context.Evaluator.Call(matcher, [text], context.Environment);
        while (result is not null)
        {
            if (result is not JObject obj || !(obj.TryGetValue("start", out var start) && start is double))
                throw JsonataErrors.Create("T1010", -1);
            var value = obj.TryGetValue("match", out var m) ? m as string ?? "" : "";
            var end = obj.TryGetValue("end", out var e) && e is double d ? (int)d : (int)(double)start + value.Length;
            var groups = obj.TryGetValue("groups", out var g) && g is JList list ? list : [];
            yield return new MatchResult(value, (int)(double)start, end, groups);
            if (!obj.TryGetValue("next", out var next) || next is not JFunction nextFunction)
                yield break;
            result = context.Evaluator.Call(nextFunction, [], context.Environment);
        }
    }
}
