namespace Analytics.Domain.Metrics;

/// <summary>One headline figure of D and its comparisons (only those whose baseline has data, in
/// <see cref="ComparisonBaseline"/> order).</summary>
public sealed record KeyFigure(KeyMetric Metric, decimal Value, IReadOnlyList<Comparison> Comparisons)
{
    public Comparison? Against(ComparisonBaseline baseline) => Comparisons.FirstOrDefault(c => c.Baseline == baseline);
}
