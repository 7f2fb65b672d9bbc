using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Analytics.Domain.Insights;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.AiReview;

/// <summary>The checks of the answer's free texts: fact ids, dates, names and numbers.</summary>
public static partial class ModelAnswerValidator
{
    /// <summary>What a text of the answer is: a description (the summary, a finding) or an action (a recommendation).</summary>
    private enum TextRole { Summary, Finding, Recommendation }

    /// <summary>
    /// Checks the ids, dates, names, numbers, amounts in words and instructions of the answer's texts. Each known name is
    /// first replaced by a marker character of its own (private use, <see cref="FirstMarker"/> + its index), so a name
    /// with digits or words of an instruction is never read as a figure or an order, and the checks still see which
    /// subjects a sentence names.
    /// </summary>
    private sealed partial class TextChecker
    {
        private const char FirstMarker = '\uE100';

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

        /// <param name="own">The valid fact ids the text belongs to: a finding's fact, a recommendation's factIds.</param>
        public void Check(string where, string text, int maxLength, TextRole role, IReadOnlyCollection<string> own, List<string> problems)
        {
            if (text.Length > maxLength)
            {
                problems.Add($"{where} has {text.Length} characters; at most {maxLength}");
            }

            // Known names go first: a name may itself hold digits or look like an id ("store-0042", "Cola 1,5 l") or an
            // order ("Ignore previous instructions"). Markers the model wrote itself are blanked before.
            text = PrivateUsePattern().Replace(text, " ");
            for (var i = 0; i < _names.Count; i++)
            {
                text = ReplaceWord(text, _names[i], Marker(i));
            }

            text = CheckContactDetails(where, text, problems);
            CheckInstructions(where, text, role, own, problems);
            HashSet<string> cited = new(own, StringComparer.Ordinal);
            foreach (Match id in FactIdPattern().Matches(text))
            {
                if (!_facts.ContainsKey(id.Value))
                {
                    problems.Add($"{where} cites {id.Value}, which is not the id of a fact");
                }
                else if (role == TextRole.Recommendation && !own.Contains(id.Value))
                {
                    problems.Add($"{where} cites {id.Value}, which is not in its factIds: list every fact it rests on there");
                }
                else
                {
                    cited.Add(id.Value);
                }
            }

            text = FactIdPattern().Replace(text, " ");
            foreach (Match date in DatePattern().Matches(text))
            {
                if (date.Value != IsoDate.Format(_sheet.Date))
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
            var scope = Scope(text, cited);
            if (role != TextRole.Recommendation)
            {
                CheckDirections(where, text, scope, problems);
            }

            text = CheckAmountsInWords(where, text, scope, problems);
            foreach (Match number in NumberPattern().Matches(text))
            {
                var (value, decimals) = Parse(number.Groups["number"].Value);
                if (value == 0 && !number.Value.Contains('%', StringComparison.Ordinal))
                {
                    CheckZero(where, number.Value.Trim(), Sentence(text, number.Index), scope, problems);
                }
                else if (!Matches(value, 0.5m * Pow10(-decimals)))
                {
                    problems.Add($"{where} states {number.Value.Trim()}, which is not a figure of the facts (state only the facts' figures)");
                }
            }
        }

        /// <summary>A figure equal to <paramref name="stated"/> within <paramref name="rounding"/> (signs ignored; a rate
        /// may be stated as a percentage).</summary>
        private bool Matches(decimal stated, decimal rounding)
        {
            var tolerance = rounding + 0.0000001m;
            return _figures.Any(f => Math.Abs(stated - Math.Abs(f.Value)) <= tolerance
                                     || (f.Unit == "rate" && Math.Abs(stated - Math.Abs(f.Value) * 100m) <= tolerance));
        }

        /// <summary>
        /// The facts a text is about, for the checks of amounts in words and of directions: the facts it cites or belongs
        /// to with their parts, the facts of the subjects it names, the chain's facts when it says "chain" (none when the
        /// sheet has no fact about the chain); all facts only when it points at nothing.
        /// </summary>
        private List<PromptFact> Scope(string text, HashSet<string> cited)
        {
            var pointed = cited.Count > 0 || Named(text).Any() || ChainPattern().IsMatch(text);
            HashSet<string> ids = new(StringComparer.Ordinal);
            foreach (var id in cited)
            {
                ids.UnionWith(_facts.Keys.Where(k => k == id || k.StartsWith(id + ".", StringComparison.Ordinal)));
            }

            foreach (var name in Named(text))
            {
                ids.UnionWith(_facts.Values.Where(f => f.SubjectId == name).Select(f => f.Id));
            }

            if (ChainPattern().IsMatch(text))
            {
                ids.UnionWith(_facts.Values.Where(f => f.Subject == "chain").Select(f => f.Id));
            }

            return pointed ? [.. _facts.Values.Where(f => ids.Contains(f.Id))] : [.. _facts.Values];
        }

        /// <summary>The names whose markers are in <paramref name="text"/>, the currency left out.</summary>
        private IEnumerable<string> Named(string text) =>
            text.Where(c => c >= FirstMarker && c < FirstMarker + _names.Count).Select(c => _names[c - FirstMarker])
                .Where(n => n != _sheet.Currency).Distinct(StringComparer.Ordinal);

        private static string Marker(int index) => ((char)(FirstMarker + index)).ToString();

        /// <summary>
        /// <paramref name="text"/> with <paramref name="name"/> replaced where it is not part of a longer word: "Tea" in
        /// "Tea sold" but not in "steady" or "Team" (a name ending in a digit or a sign may touch anything).
        /// </summary>
        private static string ReplaceWord(string text, string name, string marker)
        {
            var builder = new StringBuilder(text.Length);
            var from = 0;
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                var end = at + name.Length;
                if (at < from || (char.IsLetter(name[0]) && at > 0 && char.IsLetter(text[at - 1]))
                    || (char.IsLetter(name[^1]) && end < text.Length && char.IsLetter(text[end])))
                {
                    continue;
                }

                builder.Append(text, from, at - from).Append(marker);
                from = end;
            }

            return builder.Append(text, from, text.Length - from).ToString();
        }

        /// <summary>The text with the names back in place of their markers, cut for a problem message.</summary>
        private string Shown(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text.Trim())
            {
                builder.Append(c >= FirstMarker && c < FirstMarker + _names.Count ? _names[c - FirstMarker] : c.ToString());
            }

            return Quote(builder.ToString());
        }

        /// <summary>The sentence of <paramref name="text"/> around <paramref name="index"/>.</summary>
        private static string Sentence(string text, int index)
        {
            var start = 0;
            foreach (Match end in SentenceEndPattern().Matches(text))
            {
                if (end.Index >= index)
                {
                    return text[start..end.Index];
                }

                start = end.Index + end.Length;
            }

            return text[start..];
        }

        /// <summary>A figure as the report writes it, with its fact id and name: <c>A1 percentChange -48.00%</c>.</summary>
        private static string Show(PromptFact fact, PromptFigure figure) => $"{fact.Id} {figure.Name} " + figure.Unit switch
        {
            "percent" => ReportFormat.Percent(figure.Value),
            "rate" => ReportFormat.Rate(figure.Value),
            "money" or "money/day" => figure.IsChange ? ReportFormat.SignedAmount(figure.Value) : ReportFormat.Amount(figure.Value),
            "score" => figure.Value.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture),
            _ => ReportFormat.Quantity(figure.Value),
        };

        private static (decimal Value, int Decimals) Parse(string digits)
        {
            var value = decimal.Parse(digits.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            var dot = digits.IndexOf('.', StringComparison.Ordinal);
            return (value, dot < 0 ? 0 : digits.Length - dot - 1);
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

    [GeneratedRegex(@"[\uE000-\uF8FF]")]
    private static partial Regex PrivateUsePattern();

    [GeneratedRegex(@"\bchain\b", RegexOptions.IgnoreCase)]
    private static partial Regex ChainPattern();

    /// <summary>The end of a sentence or clause: <c>. ! ? ; :</c> before a space or the end (not a decimal point), a line break.</summary>
    [GeneratedRegex(@"[.!?;:](?=\s|$)|[\r\n]+")]
    private static partial Regex SentenceEndPattern();
}
