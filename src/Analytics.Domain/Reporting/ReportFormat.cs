using System.Globalization;
using Analytics.Domain.Insights;
using Analytics.Domain.Metrics;

namespace Analytics.Domain.Reporting;

/// <summary>
/// How the report writes numbers: invariant culture, thousands separators, money as exact decimals to 2 places with
/// the currency code, percentages to 2 places with their sign. The minus is ASCII so the text reads in any mail client.
/// </summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The currency code as the report shows it (uploaded text: cleaned and cut).</summary>
    public static string Currency(string? currency) => UntrustedText.Clean(currency, 8);

    public static string Amount(decimal value) => value.ToString("#,##0.00", Invariant);

    public static string SignedAmount(decimal value) => value.ToString("+#,##0.00;-#,##0.00;0.00", Invariant);

    public static string Money(decimal value, string currency) => $"{Amount(value)} {Currency(currency)}";

    /// <summary>An interval of amounts: <c>1,200.00–1,800.00</c>.</summary>
    public static string AmountRange(decimal low, decimal high) => $"{Amount(low)}\u2013{Amount(high)}";

    public static string Count(decimal value) => value.ToString("#,##0", Invariant);

    /// <summary>A quantity that may be fractional (an average of units): up to two places, none when whole.</summary>
    public static string Quantity(decimal value) => value.ToString("#,##0.##", Invariant);

    public static string SignedCount(decimal value) => value.ToString("+#,##0;-#,##0;0", Invariant);

    /// <summary>A percentage with its sign (<c>+3.20%</c>, <c>-0.50%</c>, <c>0.00%</c>); <c>n/a</c> when unknown.</summary>
    public static string Percent(decimal? value) =>
        value is { } v ? v.ToString("+#,##0.00;-#,##0.00;0.00", Invariant) + "%" : "n/a";

    /// <summary>A share, which is never negative: <c>12.50%</c>.</summary>
    public static string Share(decimal value) => value.ToString("#,##0.00", Invariant) + "%";

    /// <summary>A change of a share, in percentage points.</summary>
    public static string Points(decimal? value) =>
        value is { } v ? v.ToString("+#,##0.00;-#,##0.00;0.00", Invariant) + " pt" : "n/a";

    /// <summary>A rate such as the discount rate (0.0525 is <c>5.25%</c>).</summary>
    public static string Rate(decimal value) => (value * 100m).ToString("#,##0.00", Invariant) + "%";

    /// <summary>An exact fact value: every digit it has, and at least 2 places.</summary>
    public static string Exact(decimal value) => value.ToString("#,##0.00##########################", Invariant);

    /// <summary>A robust z-score as <c>z=+3.52</c> (one word, so a line never breaks inside it).</summary>
    public static string ZScore(double value) => "z=" + value.ToString("+0.00;-0.00;0.00", Invariant);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", Invariant);

    public static string ShortDate(DateOnly date) => date.ToString("MM-dd", Invariant);

    /// <summary>An instant in UTC to the minute: the report never shows the time it was rendered, only inputs.</summary>
    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);

    public static string Integer(int value) => value.ToString("#,##0", Invariant);

    /// <summary>A key figure's value in its unit.</summary>
    public static string Figure(KeyMetric metric, decimal value, string currency) => metric switch
    {
        KeyMetric.NetRevenue or KeyMetric.AverageBasket or KeyMetric.NetSales or KeyMetric.Returns => Money(value, currency),
        KeyMetric.DiscountRate or KeyMetric.ReturnRate => Rate(value),
        _ => Count(value),
    };

    /// <summary>An anomaly's figure (value, median, range ends) in its unit.</summary>
    public static string AnomalyFigure(AnomalyMetric metric, decimal value, string currency) => metric switch
    {
        AnomalyMetric.Transactions => Count(value),
        AnomalyMetric.ReturnRate => Rate(value),
        _ => Money(value, currency),
    };

    /// <summary>An anomaly's figure without the currency code (tables say it once).</summary>
    public static string AnomalyAmount(AnomalyMetric metric, decimal value) => metric switch
    {
        AnomalyMetric.Transactions => Count(value),
        AnomalyMetric.ReturnRate => Rate(value),
        _ => Amount(value),
    };

    /// <summary>A contributor's deviation: money for revenue and basket anomalies, a count for transactions.</summary>
    public static string Deviation(AnomalyMetric metric, decimal value) =>
        metric == AnomalyMetric.Transactions ? SignedCount(value) : SignedAmount(value);
}
