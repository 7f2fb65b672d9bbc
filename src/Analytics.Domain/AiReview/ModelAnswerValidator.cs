using System.Text.Json;

namespace Analytics.Domain.AiReview;

/// <summary>
/// Checks a model's answer against the <see cref="FactSheet"/> it was given: the JSON structure of
/// <see cref="ModelPrompt.AnswerSchema"/>, every cited fact id exists, every store/SKU/category-like name is one of the
/// facts' subjects, every date is the business date, and every number stated in the text equals one of the facts'
/// figures within the rounding it is written with (<c>1,234.5</c>, <c>$1,235</c>, <c>-48.2%</c>; a rate may be written as
/// a percentage; signs are ignored, since "fell 48 %" states −48). Amounts in words, relative amounts and directions
/// ("zero", "a million", "doubled", "halved", "flat", "rose") must agree with the facts the text is about (see
/// ModelAnswerValidator.Amounts.cs), and what the answer tells the chain to do must rest on the facts it cites and be
/// neither drastic nor unrelated (see ModelAnswerValidator.Instructions.cs). A problem names the words at fault, for the
/// model's repair. Pure.
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
            checker.Check("summary", answer.Summary, MaxParagraph, TextRole.Summary, [], problems);
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
                string[] own = finding.FactId is { } factId && facts.ContainsKey(factId) ? [factId] : [];
                checker.Check($"{where}.explanation", finding.Explanation, MaxParagraph, TextRole.Finding, own, problems);
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
            var cited = recommendation?.FactIds ?? [];
            List<string> own = [.. cited.Where(id => id is not null && facts.ContainsKey(id)).Distinct(StringComparer.Ordinal)];
            if (string.IsNullOrWhiteSpace(recommendation?.Title))
            {
                problems.Add($"{where}.title is missing or empty");
            }
            else
            {
                checker.Check($"{where}.title", recommendation.Title, MaxTitle, TextRole.Recommendation, own, problems);
            }

            if (string.IsNullOrWhiteSpace(recommendation?.Action))
            {
                problems.Add($"{where}.action is missing or empty");
            }
            else
            {
                checker.Check($"{where}.action", recommendation.Action, MaxParagraph, TextRole.Recommendation, own, problems);
            }

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
}
