using System.Text.RegularExpressions;
using Analytics.Domain.Reporting;

namespace Analytics.Domain.AiReview;

/// <summary>
/// The checks of amounts not written as plain digits, and of directions. An amount in words must be a figure as digits
/// would (<see cref="SpelledNumbers"/>); <c>2 million</c>, <c>3k</c> likewise at their scale. A relative amount must
/// match a figure of the facts the text is about (its scope: the facts it cites, belongs to or names): <c>doubled</c>,
/// <c>twice</c>, <c>3x</c>, <c>tenfold</c>, <c>halved</c> a percentage change whose ratio 1 + change is within
/// <see cref="RatioTolerance"/> of the word's (doubled: +80 % to +120 %; halved: −45 % to −55 %); a fraction
/// (<c>half</c>, <c>a third</c>, <c>three quarters</c>) a percentage, change or rate within the same tolerance, sign
/// ignored, as a share or as the ratio to the baseline; <c>flat</c>, <c>unchanged</c> a change within
/// <see cref="FlatPoints"/> points of 0 %. <c>zero</c>, <c>0</c>, <c>nothing</c>, <c>none</c>, <c>no sales</c> need a
/// figure 0 in the scope (money when the sentence speaks of revenue, sales or money; money or count otherwise) or a change
/// of −100 %. Amounts no fact can state are problems: <c>thousands of</c>, <c>all stores</c>. Direction words
/// (<c>rose</c>, <c>fell</c>, <c>up 5%</c>, <c>below</c>) in the summary and findings need a change of that sign in the
/// scope; a scope without changes leaves them unchecked.
/// </summary>
public static partial class ModelAnswerValidator
{
    /// <summary>How far a relative amount's ratio may be from the facts' (relative): "doubled" is a ratio of 2 ± 0.2.</summary>
    public const decimal RatioTolerance = 0.10m;

    /// <summary>How far from 0 % a change may be, in percentage points, to be called flat or unchanged.</summary>
    public const decimal FlatPoints = 1m;

    private static readonly Dictionary<string, decimal> RatioWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["twenty"] = 20, ["hundred"] = 100, ["thousand"] = 1000,
    };

    private sealed partial class TextChecker
    {
        /// <summary>Checks the amounts in words and relative amounts and returns the text without them.</summary>
        private string CheckAmountsInWords(string where, string text, List<PromptFact> scope, List<string> problems)
        {
            text = FoldPattern().Replace(text, m =>
            {
                var n = m.Groups["n"].Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1]; // "a hundred" is a hundred
                var ratio = RatioWords.TryGetValue(n, out var word) ? word : Parse(n).Value;
                CheckRatio(where, m.Value, ratio, scope, problems);
                return " ";
            });
            text = RatioVerbPattern().Replace(text, m =>
            {
                var stem = m.Value.ToUpperInvariant();
                var ratio = stem.StartsWith("HALV", StringComparison.Ordinal) ? 0.5m
                          : stem.StartsWith("TRIPL", StringComparison.Ordinal) || stem == "THRICE" ? 3m
                          : stem.StartsWith("QUADRUPL", StringComparison.Ordinal) ? 4m : 2m;
                CheckRatio(where, m.Value, ratio, scope, problems);
                return " ";
            });
            text = FractionPattern().Replace(text, m =>
            {
                var count = m.Groups["k"].Value.ToUpperInvariant() switch { "TWO" => 2m, "THREE" => 3m, _ => 1m };
                var part = m.Groups["f"].Value.ToUpperInvariant();
                var fraction = count / (part.StartsWith("HAL", StringComparison.Ordinal) ? 2m : part.StartsWith("THIRD", StringComparison.Ordinal) ? 3m
                                        : part.StartsWith("QUARTER", StringComparison.Ordinal) ? 4m : part.StartsWith("FIFTH", StringComparison.Ordinal) ? 5m : 10m);
                CheckFraction(where, m.Value, fraction, scope, problems);
                return " ";
            });
            text = ScaledNumberPattern().Replace(text, m =>
            {
                var (value, decimals) = Parse(m.Groups["number"].Value);
                var scale = m.Groups["scale"].Value.ToUpperInvariant() switch
                {
                    "HUNDRED" => 100m, "DOZEN" => 12m, "THOUSAND" or "K" => 1_000m, "MILLION" or "M" or "MN" => 1_000_000m, _ => 1_000_000_000m,
                };
                var rounding = 0.5m * Pow10(-decimals) * scale;
                if (!Matches(value * scale, rounding))
                {
                    problems.Add($"{where} states \"{Shown(m.Value)}\" ({ReportFormat.Quantity(value * scale)} \u00b1 {ReportFormat.Quantity(rounding)}), which is not a figure of the facts (state only the facts' figures, in digits)");
                }

                return " ";
            });
            text = VaguePattern().Replace(text, m =>
            {
                problems.Add($"{where} says \"{Shown(m.Value)}\", an amount no fact states: state the facts' own figure, in digits");
                return " ";
            });
            text = UniversalPattern().Replace(text, m =>
            {
                problems.Add($"{where} says \"{Shown(m.Value)}\", but the facts hold only their own subjects: name those, citing their fact ids");
                return " ";
            });
            text = FlatPattern().Replace(text, m =>
            {
                if (!Changes(scope).Any(c => c.Figure.Unit == "percent" && Math.Abs(c.Figure.Value) < FlatPoints))
                {
                    problems.Add($"{where} says \"{Shown(m.Value)}\", but no change of the facts it is about is within {ReportFormat.Quantity(FlatPoints)} point of 0.00%{Listed(scope)}");
                }

                return " ";
            });
            var input = text;
            text = ZeroPattern().Replace(input, m =>
            {
                CheckZero(where, m.Value, Sentence(input, m.Index), scope, problems);
                return " ";
            });
            foreach (var amount in SpelledNumbers.Find(text).Reverse())
            {
                var said = text.Substring(amount.Index, amount.Length);
                if (amount.Value == 0)
                {
                    CheckZero(where, said, Sentence(text, amount.Index), scope, problems);
                }
                else if (!Matches(amount.Value, amount.Tolerance))
                {
                    var value = ReportFormat.Quantity(amount.Value);
                    problems.Add($"{where} states \"{Shown(said)}\" ({(amount.Tolerance > 0.5m ? $"{value} \u00b1 {ReportFormat.Quantity(amount.Tolerance)}" : value)}), which is not a figure of the facts (state only the facts' figures, in digits)");
                }

                text = string.Concat(text.AsSpan(0, amount.Index), " ", text.AsSpan(amount.Index + amount.Length));
            }

            return text;
        }

        /// <summary>A relative amount: some percentage change of the scope has the ratio 1 + change near <paramref name="ratio"/>.</summary>
        private void CheckRatio(string where, string said, decimal ratio, List<PromptFact> scope, List<string> problems)
        {
            var tolerance = Math.Max(RatioTolerance * ratio, 0.005m);
            if (!Changes(scope).Any(c => c.Figure.Unit == "percent" && Math.Abs(1m + c.Figure.Value / 100m - ratio) <= tolerance))
            {
                problems.Add($"{where} says \"{Shown(said)}\", a change of {ReportFormat.Percent((ratio - 1m) * 100m)} " +
                             $"(within {ReportFormat.Quantity(tolerance * 100m)} points), but no change of the facts it is about is near that{Listed(scope)}");
            }
        }

        /// <summary>A fraction: some percentage or rate of the scope, as a share or as the ratio to the baseline.</summary>
        private void CheckFraction(string where, string said, decimal fraction, List<PromptFact> scope, List<string> problems)
        {
            var tolerance = RatioTolerance * fraction;
            var near = scope.SelectMany(f => f.Figures).Any(f => f.Unit switch
            {
                "percent" => Math.Abs(Math.Abs(f.Value) / 100m - fraction) <= tolerance
                             || (f.IsChange && Math.Abs(1m + f.Value / 100m - fraction) <= tolerance),
                "rate" => Math.Abs(Math.Abs(f.Value) - fraction) <= tolerance,
                _ => false,
            });
            if (!near)
            {
                problems.Add($"{where} says \"{Shown(said)}\" ({ReportFormat.Share(fraction * 100m)}), but no percentage or rate of the facts it is about " +
                             $"is within {ReportFormat.Quantity(tolerance * 100m)} points of that, as a share or as a change{Listed(scope)}");
            }
        }

        /// <summary>A claim of nothing: a figure 0 of the sense the sentence speaks of, or a change of −100 %.</summary>
        private void CheckZero(string where, string said, string sentence, List<PromptFact> scope, List<string> problems)
        {
            var currency = _names.IndexOf(_sheet.Currency);
            var money = MoneyWordPattern().IsMatch(sentence) || (currency >= 0 && sentence.Contains(Marker(currency), StringComparison.Ordinal));
            var zero = scope.SelectMany(f => f.Figures).Any(f => f.Value == 0m && (f.Unit == "money" || (!money && f.Unit == "count")))
                       || Changes(scope).Any(c => c.Figure.Unit == "percent" && c.Figure.Value <= -99.5m);
            if (!zero)
            {
                problems.Add($"{where} says \"{Shown(said)}\", but no {(money ? "money figure" : "money or count figure")} of the facts it is about is 0 " +
                             $"and none fell by 100%{Listed(scope)}");
            }
        }

        /// <summary>Direction words against the signs of the scope's changes; not checked when the scope has none.</summary>
        private void CheckDirections(string where, string text, List<PromptFact> scope, List<string> problems)
        {
            var changes = Changes(scope).Where(c => c.Figure.Value != 0m).ToList();
            if (changes.Count == 0)
            {
                return;
            }

            foreach (var (pattern, rise) in new[] { (RisePattern(), true), (FallPattern(), false) })
            {
                var said = pattern.Matches(text).FirstOrDefault(m => !NegationPattern().IsMatch(text.AsSpan(0, m.Index)));
                if (said is not null && !changes.Any(c => c.Figure.Value > 0 == rise))
                {
                    problems.Add($"{where} says \"{Shown(said.Value)}\", but no change of the facts it is about is a {(rise ? "rise" : "fall")}{Listed(scope)}");
                }
            }
        }

        private static IEnumerable<(PromptFact Fact, PromptFigure Figure)> Changes(List<PromptFact> scope) =>
            scope.SelectMany(f => f.Figures.Where(g => g.IsChange).Select(g => (f, g)));

        /// <summary>The scope's changes as the report writes them, percentages first, at most four: <c>: A1 percentChange -48.00%, …</c>.</summary>
        private static string Listed(List<PromptFact> scope)
        {
            List<(PromptFact Fact, PromptFigure Figure)> changes = [.. Changes(scope).OrderBy(c => c.Figure.Unit == "percent" ? 0 : 1)];
            return scope.Count == 0 ? " (no fact is about what it names)"
                : changes.Count == 0
                ? $" ({string.Join(", ", scope.Take(4).Select(f => f.Id))}{(scope.Count > 4 ? ", \u2026" : "")}: no changes)"
                : ": " + string.Join(", ", changes.Take(4).Select(c => Show(c.Fact, c.Figure))) + (changes.Count > 4 ? ", \u2026" : "");
        }
    }

    /// <summary><c>3x</c>, <c>2.5-fold</c>, <c>10 times</c>, <c>tenfold</c>, <c>two times</c>: a ratio to the baseline.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,])(?:(?<n>\d+(?:\.\d+)?)\s?(?:x|\u00d7|-?fold\b|\s+times\b)(?![\p{L}\p{N}])|\b(?<n>two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|hundred|a\s+thousand|thousand)(?:[\s-]?fold|\s+times)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex FoldPattern();

    [GeneratedRegex(@"\b(?:doubl(?:e|ed|es|ing)|twice|tripl(?:e|ed|es|ing)|thrice|quadrupl(?:e|ed|es|ing)|halv(?:e|ed|es|ing))\b", RegexOptions.IgnoreCase)]
    private static partial Regex RatioVerbPattern();

    /// <summary><c>half</c> alone; <c>a third</c>, <c>two thirds</c>, <c>a quarter</c>, <c>a fifth</c>, <c>a tenth</c> with their count
    /// (a bare <c>third</c> is a rank, a bare <c>quarter</c> a period).</summary>
    [GeneratedRegex(@"\b(?:(?:(?<k>a|an|one)[\s-]+)?(?<f>half)|(?<k>a|one|two|three)[\s-]+(?<f>thirds?|quarters?|fifths?|tenths?))\b", RegexOptions.IgnoreCase)]
    private static partial Regex FractionPattern();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.,])[-+\u2212]?[$\u20ac\u00a3\u00a5]?(?<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?<scale>hundred|thousand|million|billion|dozen|k|mn|m|bn)(?![\p{L}\p{N}])", RegexOptions.IgnoreCase)]
    private static partial Regex ScaledNumberPattern();

    [GeneratedRegex(@"\b(?:dozens|hundreds|thousands|millions|billions)(?:\s+of)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex VaguePattern();

    /// <summary><c>all stores</c>, <c>every category</c>, <c>each of the SKUs</c> (<c>all 50 stores</c> states a number, checked as such).</summary>
    [GeneratedRegex(@"\b(?:all|every|each)\s+(?:of\s+)?(?:(?:the|our|its|their|your|these|those)\s+)?(?:stores?|shops?|branch(?:es)?|locations?|outlets?|categor(?:y|ies)|skus?|products?|items?|staff|employees)\b", RegexOptions.IgnoreCase)]
    private static partial Regex UniversalPattern();

    [GeneratedRegex(@"\b(?:flat|unchanged|no\s+change|stable|steady)\b", RegexOptions.IgnoreCase)]
    private static partial Regex FlatPattern();

    [GeneratedRegex(@"\b(?:nil|none|nothing|wiped\s+out|vanished|no\s+(?:net\s+|gross\s+)?(?:sales|revenue|income|takings|turnover|transactions?|customers?|orders?|units?|items?|trading))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ZeroPattern();

    /// <summary>Words that make "zero", "nothing", "no …" a claim about money: revenue, sales, selling, cash.</summary>
    [GeneratedRegex(@"\b(?:revenue|takings|turnover|income|earnings|profits?|money|cash|spend(?:ing)?|sales|sold|sells?|selling)\b|[$\u20ac\u00a3\u00a5]", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyWordPattern();

    [GeneratedRegex(@"\b(?:rose|risen|rises?|rising|grew|grown|grows|growing|growth|increas(?:e|ed|es|ing)|jump(?:ed|s)?|surg(?:e|ed|es|ing)|soar(?:ed|s|ing)?|climb(?:ed|s|ing)?|gain(?:ed|s)?|spik(?:e|ed|es)|rebound(?:ed|s)?|doubl(?:ed|es|ing)|tripl(?:ed|es|ing)|higher|above)\b|\bup\s+(?=[+\d$\u20ac\u00a3\u00a5])", RegexOptions.IgnoreCase)]
    private static partial Regex RisePattern();

    [GeneratedRegex(@"\b(?:fell|fallen|falls?|falling|drop(?:s|ped|ping)?|declin(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|slump(?:ed|s)?|plung(?:e|ed|es)|plummet(?:ed|s)?|sank|sunk|shr(?:ank|unk|inks?)|slid|tumbl(?:e|ed)|collaps(?:e|ed)|halv(?:ed|es|ing)|lower|below)\b|\bdown\s+(?=[-+\u2212\d$\u20ac\u00a3\u00a5])", RegexOptions.IgnoreCase)]
    private static partial Regex FallPattern();

    /// <summary>A negation just before a direction word: "did not rise", "no drop".</summary>
    [GeneratedRegex(@"(?:\b(?:not|no|never|without)|n't)\s+(?:\p{L}+\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex NegationPattern();
}
