using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;

namespace Analytics.Domain.AiReview;

/// <summary>
/// Checks a model's answer against the <see cref="FactSheet"/> it was given: the JSON structure of
/// <see cref="ModelPrompt.AnswerSchema"/>, every cited fact id exists, every store/SKU/category-like name is one of the
/// facts' subjects, every date is the business date, and every number stated in the text equals one of the facts'
/// figures within the rounding it is written with (<c>1,234.5</c>, <c>$1,235</c>, <c>-48.2%</c>; a rate may be written as
/// a percentage; signs are ignored, since "fell 48 %" states −48). Pure.
/// </summary>
public static partial class ModelAnswerValidator
{
    public const int MaxParagraph = 1200;
    public const int MaxTitle = 120;
    public const int MaxFindings = 10;
    public const int MaxRecommendations = 5;

    /// <summary>The problems of <paramref name="answerText"/> (empty when valid) and, when valid, the review it gives.</summary>
    public static (IReadOnlyList<string> Problems, ModelReview? Review) Validate(FactSheet sheet, string answerText, string model)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        var problems = new List<string>();
        var answer = Parse(answerText, problems);
        if (answer is null)
        {
            return (problems, null);
        }

        var facts = sheet.AllFacts().ToDictionary(f => f.Id, StringComparer.Ordinal);
        var checker = new TextChecker(sheet, facts);
        if (string.IsNullOrWhiteSpace(answer.Summary))
        {
            problems.Add("summary is missing or empty");
        }
        else
        {
            checker.Check("summary", answer.Summary, MaxParagraph, problems);
        }

        var findings = answer.Findings ?? [];
        if (answer.Findings is null)
        {
            problems.Add("findings is missing");
        }
        else if (findings.Count == 0 && facts.Count > 0)
        {
            problems.Add("findings is empty: rank at least one fact");
        }
        else if (findings.Count > MaxFindings)
        {
            problems.Add($"findings has {findings.Count} items; at most {MaxFindings}");
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            var where = $"findings[{i}]";
            if (finding?.FactId is not { } id || !facts.ContainsKey(id))
            {
                problems.Add($"{where}.factId \"{Quote(finding?.FactId)}\" is not the id of a fact");
            }
            else if (!seen.Add(id))
            {
                problems.Add($"{where}.factId {id} is ranked twice");
            }

            if (string.IsNullOrWhiteSpace(finding?.Explanation))
            {
                problems.Add($"{where}.explanation is missing or empty");
            }
            else
            {
                checker.Check($"{where}.explanation", finding.Explanation, MaxParagraph, problems);
            }
        }

        var recommendations = answer.Recommendations ?? [];
        if (answer.Recommendations is null)
        {
            problems.Add("recommendations is missing (give an empty array for none)");
        }
        else if (recommendations.Count > MaxRecommendations)
        {
            problems.Add($"recommendations has {recommendations.Count} items; at most {MaxRecommendations}");
        }

        for (var i = 0; i < recommendations.Count; i++)
        {
            var recommendation = recommendations[i];
            var where = $"recommendations[{i}]";
            if (string.IsNullOrWhiteSpace(recommendation?.Title))
            {
                problems.Add($"{where}.title is missing or empty");
            }
            else
            {
                checker.Check($"{where}.title", recommendation.Title, MaxTitle, problems);
            }

            if (string.IsNullOrWhiteSpace(recommendation?.Action))
            {
                problems.Add($"{where}.action is missing or empty");
            }
            else
            {
                checker.Check($"{where}.action", recommendation.Action, MaxParagraph, problems);
            }

            var cited = recommendation?.FactIds ?? [];
            if (cited.Count == 0)
            {
                problems.Add($"{where}.factIds is missing or empty: cite the facts it rests on");
            }

            problems.AddRange(cited.Where(id => id is null || !facts.ContainsKey(id))
                                   .Select(id => $"{where}.factIds has \"{Quote(id)}\", which is not the id of a fact"));
        }

        if (problems.Count > 0)
        {
            return (problems, null);
        }

        return ([], new ModelReview(
            model,
            answer.Summary!.Trim(),
            [.. findings.Select((f, i) => new ModelFinding(i + 1, f.FactId!, facts[f.FactId!].SubjectId, f.Explanation!.Trim()))],
            [.. recommendations.Select(r => new ModelRecommendation(r.Title!.Trim(), r.Action!.Trim(), [.. r.FactIds!]))]));
    }

    /// <summary>The answer's JSON object: the text itself, or the object inside a Markdown code fence or prose.</summary>
    private static ModelAnswer? Parse(string text, List<string> problems)
    {
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            problems.Add("the answer is not a JSON object");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text.AsMemory(start, end - start + 1));
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add("the answer is not a JSON object");
                return null;
            }

            return document.RootElement.Deserialize(AiReviewJsonContext.Default.ModelAnswer);
        }
        catch (JsonException e)
        {
            problems.Add($"the answer is not valid JSON for the schema: {e.Message}");
            return null;
        }
    }

    private static string Quote(string? value) => value is null ? "null" : value.Length > 40 ? value[..40] + "…" : value;

    /// <summary>Checks the ids, dates, names and numbers of the answer's texts.</summary>
    private sealed class TextChecker
    {
        private readonly FactSheet _sheet;
        private readonly IReadOnlyDictionary<string, PromptFact> _facts;
        private readonly List<string> _names;
        private readonly List<PromptFigure> _figures;

        public TextChecker(FactSheet sheet, IReadOnlyDictionary<string, PromptFact> facts)
        {
            _sheet = sheet;
            _facts = facts;
            _names = [.. facts.Values.Select(f => f.SubjectId).Append(sheet.Currency).Where(n => n.Length >= 2 && n != Anomaly.ChainId)
                                     .Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];
            _figures = [.. facts.Values.SelectMany(f => f.Figures)];
        }

        public void Check(string where, string text, int maxLength, List<string> problems)
        {
            if (text.Length > maxLength)
            {
                problems.Add($"{where} has {text.Length} characters; at most {maxLength}");
            }

            // Known names go first: a name may itself hold digits or look like an id ("store-0042", "Cola 1,5 l").
            foreach (var name in _names)
            {
                text = text.Replace(name, " ", StringComparison.Ordinal);
            }

            foreach (Match id in FactIdPattern().Matches(text))
            {
                if (!_facts.ContainsKey(id.Value))
                {
                    problems.Add($"{where} cites {id.Value}, which is not the id of a fact");
                }
            }

            text = FactIdPattern().Replace(text, " ");
            foreach (Match date in DatePattern().Matches(text))
            {
                if (date.Value != AnalysisKeys.Iso(_sheet.Date))
                {
                    problems.Add($"{where} states the date {date.Value}, which is not the business date");
                }
            }

            text = DatePattern().Replace(text, " ");
            foreach (Match name in IdLikePattern().Matches(text))
            {
                problems.Add($"{where} names \"{name.Value}\", which is not a store, category or SKU of the facts");
            }

            text = IdLikePattern().Replace(text, " ");
            foreach (Match number in NumberPattern().Matches(text))
            {
                var digits = number.Groups["number"].Value;
                var value = decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                var dot = digits.IndexOf('.', StringComparison.Ordinal);
                var decimals = dot < 0 ? 0 : digits.Length - dot - 1;
                if (!Matches(value, decimals))
                {
                    problems.Add($"{where} states {number.Value.Trim()}, which is not a figure of the facts (state only the facts' figures)");
                }
            }
        }

        private bool Matches(decimal stated, int decimals)
        {
            var tolerance = 0.5m * Pow10(-decimals) + 0.0000001m;
            return _figures.Any(f => Math.Abs(stated - Math.Abs(f.Value)) <= tolerance
                                     || (f.Unit == "rate" && Math.Abs(stated - Math.Abs(f.Value) * 100m) <= tolerance));
        }

        private static decimal Pow10(int exponent)
        {
            var result = 1m;
            for (var i = 0; i < -exponent; i++)
            {
                result /= 10m;
            }

            return result;
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])[ATR]\d+(?:\.\d+)*(?![\p{L}\p{N}_])")]
    private static partial Regex FactIdPattern();

    [GeneratedRegex(@"(?<![\p{N}])\d{4}-\d{2}-\d{2}(?![\p{N}])")]
    private static partial Regex DatePattern();

    /// <summary>A word glued to digits by a hyphen or underscore (<c>store-0099</c>, <c>SKU_12</c>): an identifier.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_-])\p{L}+[-_]\d[\p{L}\p{N}_-]*")]
    private static partial Regex IdLikePattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,])[-+\u2212]?[$\u20ac\u00a3\u00a5]?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\p{N}])\s?%?")]
    private static partial Regex NumberPattern();
}
