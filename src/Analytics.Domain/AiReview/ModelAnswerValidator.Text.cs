using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Domain.Insights;

namespace Analytics.Domain.AiReview;

/// <summary>The checks of the answer's free texts: fact ids, dates, names and numbers.</summary>
public static partial class ModelAnswerValidator
{
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
