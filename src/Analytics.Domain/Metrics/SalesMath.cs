namespace Analytics.Domain.Metrics;

/// <summary>Rounding rules shared by every reported figure: half-to-even, money and percentages to 2 places,
/// rates (discount rate) to 4 places. Sums stay exact; only the reported quotient is rounded.</summary>
public static class SalesMath
{
    public static decimal Round2(decimal value) => decimal.Round(value, 2, MidpointRounding.ToEven);

    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>, 2 places; 0 when the whole is 0.</summary>
    public static decimal Share(decimal part, decimal whole) => whole == 0m ? 0m : Round2(part * 100m / whole);

    /// <summary>(value − baseline) / baseline in percent, 2 places; null when the baseline is 0.</summary>
    public static decimal? PercentChange(decimal value, decimal baseline) =>
        baseline == 0m ? null : Round2((value - baseline) * 100m / baseline);

    /// <summary>numerator / denominator to 4 places; 0 when the denominator is 0.</summary>
    public static decimal Rate(decimal numerator, decimal denominator) =>
        denominator == 0m ? 0m : decimal.Round(numerator / denominator, 4, MidpointRounding.ToEven);

    /// <summary>numerator / denominator to 2 places; 0 when the denominator is 0.</summary>
    public static decimal Ratio2(decimal numerator, decimal denominator) => denominator == 0m ? 0m : Round2(numerator / denominator);
}
