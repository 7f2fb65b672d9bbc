using Analytics.Domain.Sales;

namespace Analytics.Domain.Metrics;

/// <summary>
/// The chain's figures for business date <see cref="Date"/>. Money is exact decimal; averages and shares are
/// rounded as <see cref="SalesMath"/> says. <see cref="KeyFigures"/> has one entry per <see cref="KeyMetric"/>, in
/// enum order. Breakdowns are ordered as the sales model orders them (hours ascending, names ordinal);
/// <see cref="StoreRanking"/> lists every store that traded, best first. <see cref="NetRevenue"/> is
/// gross − discounts − returns; the returns themselves are in <see cref="Totals"/> and <see cref="ReturnRate"/>.
/// </summary>
public sealed record CompanyMetrics(
    DateOnly Date,
    string Currency,
    int StoresTrading,
    SalesTotals Totals,
    decimal NetRevenue,
    decimal AverageBasket,
    decimal DiscountRate,
    IReadOnlyList<KeyFigure> KeyFigures,
    IReadOnlyList<CategoryFigure> Categories,
    IReadOnlyList<HourFigure> Hours,
    IReadOnlyList<PaymentMethodFigure> PaymentMethods,
    IReadOnlyList<StoreRank> StoreRanking)
{
    /// <summary>Returns / net sales of the chain, 4 places.</summary>
    public decimal ReturnRate => Totals.ReturnRate;

    /// <summary>True when anything was refunded on D.</summary>
    public bool HasReturns => Totals.Returns != 0m || Totals.ReturnTransactions != 0;

    public KeyFigure Figure(KeyMetric metric) => KeyFigures.First(f => f.Metric == metric);
}
