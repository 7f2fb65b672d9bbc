namespace StatesLanguage.Jsonata.PictureStrings;

/// <summary>
/// One sub-picture of $formatNumber, split (prefix, integer, fraction, exponent, suffix), validated (F&amp;O 4.7.3,
/// errors D3081–D3093) and analysed into the sizes and grouping positions formatting needs (F&amp;O 4.7.4).
/// </summary>
internal sealed record NumberPicture
{
    public required string Prefix { get; init; }

    public required string Suffix { get; init; }

    /// <summary>For each grouping separator of the integer part, how many digit positions are to its right.</summary>
    public required IReadOnlyList<int> IntegerGroupingPositions { get; init; }

    /// <summary>The interval of a regular grouping of the integer part, 0 when it is not regular.</summary>
    public required int RegularGrouping { get; init; }

    /// <summary>For each grouping separator of the fractional part, how many digit positions are to its left.</summary>
    public required IReadOnlyList<int> FractionalGroupingPositions { get; init; }

    public required int MinimumIntegerSize { get; init; }

    /// <summary>How many digits the mantissa keeps before the point when there is an exponent.</summary>
    public required int ScalingFactor { get; init; }

    public required int MinimumFractionSize { get; init; }

    public required int MaximumFractionSize { get; init; }

    /// <summary>0 when the sub-picture has no exponent.</summary>
    public required int MinimumExponentSize { get; init; }

    /// <summary>0, or 2 with a percent sign, or 3 with a per-mille sign: the power of ten the number is multiplied by.</summary>
    public required int ScalePower { get; init; }

    public required bool HasDecimalSeparator { get; init; }

    public static NumberPicture Analyse(string subPicture, DecimalFormat format)
    {
        var first = IndexOf(subPicture, format.IsActive);
        var last = LastIndexOf(subPicture, format.IsActive);
        var prefix = first < 0 ? string.Empty : subPicture[..first];
        var suffix = last < 0 ? string.Empty : subPicture[(last + 1)..];
        var active = subPicture[prefix.Length..(subPicture.Length - suffix.Length)];

        // As the reference finds the exponent: its position is sought in the whole sub-picture after the prefix, counts
        // when it is at most the active part's end (so "0e" has an empty exponent: D3093), and is then applied to the
        // active part as if there were no prefix (so "$0.0e0" has the exponent "": D3093, as JSONata says too).
        var exponentAt = format.ExponentSeparator.Length == 0 ? -1 : subPicture.IndexOf(format.ExponentSeparator, prefix.Length, StringComparison.Ordinal);
        string mantissa = active;
        string? exponent = null;
        if (exponentAt >= 0 && exponentAt <= subPicture.Length - suffix.Length)
        {
            mantissa = active[..Math.Min(exponentAt, active.Length)];
            var exponentStart = exponentAt + format.ExponentSeparator.Length;
            exponent = exponentStart < active.Length ? active[exponentStart..] : string.Empty;
        }
        var pointAt = Find(mantissa, format.DecimalSeparator);
        var integer = pointAt < 0 ? mantissa : mantissa[..pointAt];
        var fraction = pointAt < 0 ? string.Empty : mantissa[(pointAt + format.DecimalSeparator.Length)..];

        Validate(subPicture, mantissa, active, integer, fraction, exponent, format);

        bool IsDigitSign(char ch) => format.IsFamilyDigit(ch) || DecimalFormat.Is(ch, format.Digit);
        var integerGrouping = new List<int>();
        foreach (var at in Occurrences(integer, format.GroupingSeparator))
            integerGrouping.Add(integer[at..].Count(IsDigitSign));
        var fractionalGrouping = new List<int>();
        foreach (var at in Occurrences(fraction, format.GroupingSeparator))
            fractionalGrouping.Add(fraction[..at].Count(IsDigitSign));

        var minimumInteger = integer.Count(format.IsFamilyDigit);
        var scalingFactor = minimumInteger;
        var minimumFraction = fraction.Count(format.IsFamilyDigit);
        var maximumFraction = fraction.Count(IsDigitSign);
        if (minimumInteger == 0 && maximumFraction == 0)
        {
            if (exponent is not null)
                minimumFraction = maximumFraction = 1;
            else
                minimumInteger = 1;
        }
        if (exponent is not null && minimumInteger == 0 && Find(integer, format.Digit) >= 0)
            minimumInteger = 1;
        if (minimumInteger == 0 && minimumFraction == 0)
            minimumFraction = 1;

        return new NumberPicture
        {
            Prefix = prefix,
            Suffix = suffix,
            IntegerGroupingPositions = integerGrouping,
            RegularGrouping = Regularity(integerGrouping),
            FractionalGroupingPositions = fractionalGrouping,
            MinimumIntegerSize = minimumInteger,
            ScalingFactor = scalingFactor,
            MinimumFractionSize = minimumFraction,
            MaximumFractionSize = maximumFraction,
            MinimumExponentSize = exponent?.Count(format.IsFamilyDigit) ?? 0,
            HasDecimalSeparator = Find(subPicture, format.DecimalSeparator) >= 0,
            ScalePower = Find(subPicture, format.Percent) >= 0 ? 2 : Find(subPicture, format.PerMille) >= 0 ? 3 : 0,
        };
    }

    /// <summary>Checks the rules in the reference's order; when several are broken, the last one checked is reported.</summary>
    private static void Validate(string subPicture, string mantissa, string active, string integer, string fraction,
                                 string? exponent, DecimalFormat format)
    {
        string? error = null;
        if (Occurrences(subPicture, format.DecimalSeparator).Count > 1)
            error = "D3081";
        var percents = Occurrences(subPicture, format.Percent).Count;
        var perMilles = Occurrences(subPicture, format.PerMille).Count;
        if (percents > 1)
            error = "D3082";
        if (perMilles > 1)
            error = "D3083";
        if (percents > 0 && perMilles > 0)
            error = "D3084";
        if (!mantissa.Any(ch => format.IsFamilyDigit(ch) || DecimalFormat.Is(ch, format.Digit)))
            error = "D3085";
        if (!active.All(format.IsActiveOrExponent))
            error = "D3086";
        var pointAt = Find(subPicture, format.DecimalSeparator);
        if (pointAt >= 0)
        {
            if (format.GroupingSeparator.Length > 0
                && (subPicture.AsSpan(0, pointAt).EndsWith(format.GroupingSeparator, StringComparison.Ordinal)
                    || subPicture.AsSpan(pointAt + format.DecimalSeparator.Length).StartsWith(format.GroupingSeparator, StringComparison.Ordinal)))
                error = "D3087";
        }
        else if (format.GroupingSeparator.Length > 0 && integer.EndsWith(format.GroupingSeparator, StringComparison.Ordinal))
        {
            error = "D3088";
        }
        if (format.GroupingSeparator.Length > 0 && Find(subPicture, format.GroupingSeparator + format.GroupingSeparator) >= 0)
            error = "D3089";
        // The reference looks only before the first optional digit of the integer part and after the last one of the
        // fractional part (so "#0#" and "0#0" after the point pass).
        var firstOptional = Find(integer, format.Digit);
        if (firstOptional > 0 && integer[..firstOptional].Any(format.IsFamilyDigit))
            error = "D3090";
        var lastOptional = format.Digit.Length == 0 ? -1 : fraction.LastIndexOf(format.Digit, StringComparison.Ordinal);
        if (lastOptional >= 0 && fraction[lastOptional..].Any(format.IsFamilyDigit))
            error = "D3091";
        if (exponent is { Length: > 0 } && (percents > 0 || perMilles > 0))
            error = "D3092";
        if (exponent is not null && (exponent.Length == 0 || !exponent.All(format.IsFamilyDigit)))
            error = "D3093";
        if (error is not null)
            throw PictureErrors.Create(error);
    }

    /// <summary>The common interval of grouping positions that are all its multiples (3 for 3, 6, 9), else 0.</summary>
    private static int Regularity(List<int> positions)
    {
        if (positions.Count == 0)
            return 0;
        var factor = positions.Aggregate(GreatestCommonDivisor);
        if (factor == 0)
            return 0;
        for (var multiple = 1; multiple <= positions.Count; multiple++)
            if (!positions.Contains(multiple * factor))
                return 0;
        return factor;
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);

    private static int Find(string text, string value) =>
        value.Length == 0 ? -1 : text.IndexOf(value, StringComparison.Ordinal);

    private static List<int> Occurrences(string text, string value)
    {
        var found = new List<int>();
        if (value.Length == 0)
            return found;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
            found.Add(at);
        return found;
    }

    private static int IndexOf(string text, Func<char, bool> predicate)
    {
        for (var i = 0; i < text.Length; i++)
            if (predicate(text[i]))
                return i;
        return -1;
    }

    private static int LastIndexOf(string text, Func<char, bool> predicate)
    {
        for (var i = text.Length - 1; i >= 0; i--)
            if (predicate(text[i]))
                return i;
        return -1;
    }
}
