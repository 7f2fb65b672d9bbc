using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// The loss-prevention findings of D (issue 14: "returns are insights too"), from D's store-days and the history
/// DetectAnomalies loads. Pure. A store's return rate against its baseline is <see cref="AnomalyMetric.ReturnRate"/>
/// (<see cref="AnomalyDetector"/>); this adds what a rate does not show:
/// <list type="bullet">
/// <item><b>Same-day voids</b> (<see cref="LossFindingKind.SameDayVoid"/>). A kept return
/// (<see cref="StoreDaySummary.LargestReturns"/>) that refunds a kept sale (<see cref="StoreDaySummary.LargestSales"/>)
/// of the same store at most <see cref="VoidWindow"/> after it: the same top line's SKU, and either the same
/// quantity and an amount within <see cref="AmountTolerance"/>, or a refund of at least
/// <see cref="VoidRefundShare"/> of the sale (and not above it). Store-days keep no return's <c>original</c>, so the
/// match is by content, which is also all the real data set allows (it links no cancellation to its invoice). Each sale
/// and each return is matched once, largest return first. A finding when the sale is at least
/// <see cref="VoidShareOfUsualDay"/> of the store's usual day (small voids are till routine); high from
/// <see cref="HighVoidShare"/> of it.</item>
/// <item><b>SKU returns</b> (<see cref="LossFindingKind.SkuReturns"/>). A SKU refunded at a store on D for at least
/// <see cref="SkuReturnsFactor"/> times its usual refunds there (its refunds at the store over the loaded SKU weeks, per
/// week; 0 for a SKU the store did not refund then), at least <see cref="MinimumSkuUnits"/> units and at least
/// <see cref="SkuMaterialShare"/> of the chain's usual day in money, refunds of same-day voids left out (they are their
/// own finding), and at least <see cref="SkuShareOfStoreRefunds"/> of the store's refunds on D (one product, not a
/// day of refunds). High from <see cref="HighSkuShare"/> of the chain's usual day. Against its own baseline: a SKU that
/// is refunded every week (a product customers often send back) is not news on a day like its others, and the finding
/// gives its usual refunds and return rate (refunds / net sales at the store over those weeks). Without SKU weeks in
/// the history there is no baseline, and the other rules decide.</item>
/// <item><b>Refunds without a sale</b> (<see cref="LossFindingKind.RefundsWithoutSale"/>). A store's returns that name
/// no <c>original</c> (<see cref="StoreDaySummary.ReturnsWithoutOriginal"/>), less its same-day voids (tied to a sale by
/// content), at least <see cref="RefundsWithoutSaleShare"/> of its usual day, in at least
/// <see cref="MinimumRefundsWithoutSale"/> returns; high from <see cref="HighRefundsWithoutSaleShare"/>. A store with no
/// usual sales (a day of refunds only, without history) is not judged. Against the
/// store's usual sales rather than its usual unlinked refunds: a till that never links (the real data set links none)
/// would make the latter ordinary, and money refunded without a receipt is what is at risk. The floor is set so that
/// the real data set, all of whose refunds name no sale, gives at most one such finding per ten trading days.</item>
/// </list>
/// "Usual" is the median net sales (before refunds) on the same weekdays of the last
/// <see cref="AnomalyDetector.BaselineWeeks"/> weeks with sales, or D's own with fewer than
/// <see cref="AnomalyDetector.MinimumHistory"/> of them. Findings are ranked: severity, then money at stake, then store,
/// kind and SKU.
/// </summary>
public static class LossPreventionFinder
{
    /// <summary>Longest time from a sale to its refund for a same-day void (60 minutes).</summary>
    public static readonly TimeSpan VoidWindow = TimeSpan.FromMinutes(60);

    /// <summary>A refund of the same quantity within this of the sale's amount (a cent) is the same receipt.</summary>
    public const decimal AmountTolerance = 0.01m;

    /// <summary>A refund of at least this share of the sale (90 %) with its top SKU refunds it (a line kept back, a
    /// different discount).</summary>
    public const decimal VoidRefundShare = 0.90m;

    /// <summary>A voided sale is a finding from this share of its store's usual day (10 %).</summary>
    public const decimal VoidShareOfUsualDay = 0.10m;

    /// <summary>A void is high from this share of its store's usual day (50 %).</summary>
    public const decimal HighVoidShare = 0.50m;

    /// <summary>A SKU's refunds are a finding from this many times (3) its usual refunds at the store per SKU week.</summary>
    public const decimal SkuReturnsFactor = 3m;

    /// <summary>Without a SKU baseline, a SKU is a finding only when it is at least this share (50 %) of its store's
    /// refunds on D.</summary>
    public const decimal SkuShareOfStoreRefunds = 0.50m;

    /// <summary>Fewest units of the SKU refunded at the store on D (10).</summary>
    public const long MinimumSkuUnits = 10;

    /// <summary>Least refund of the SKU, as a share of the chain's usual day (5 %, as an incident's materiality).</summary>
    public const decimal SkuMaterialShare = IncidentBuilder.MaterialShare;

    /// <summary>A SKU finding is high from this share of the chain's usual day (25 %).</summary>
    public const decimal HighSkuShare = IncidentBuilder.HighImpactShare;

    /// <summary>Refunds without an original sale are a finding from this share of the store's usual day (20 %).</summary>
    public const decimal RefundsWithoutSaleShare = 0.20m;

    /// <summary>Fewest returns without an original sale for a finding (3): one customer's big return is not a pattern.</summary>
    public const int MinimumRefundsWithoutSale = 3;

    /// <summary>Refunds without an original sale are high from this share of the store's usual day (50 %).</summary>
    public const decimal HighRefundsWithoutSaleShare = 0.50m;

    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static IReadOnlyList<LossFinding> Find(IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        ArgumentNullException.ThrowIfNull(day);
        ArgumentNullException.ThrowIfNull(history);
        var dates = history.SameWeekdays(AnomalyDetector.BaselineWeeks);
        var chainUsual = Usual([.. dates.Select(history.ChainDay).OfType<ChainDaySummary>().Select(c => c.Totals.NetSales)],
                               day.Sum(s => s.Totals.NetSales));
        List<LossFinding> findings = [];
        foreach (var store in day.Where(s => s.Totals.Returns > 0m))
        {
            var usual = Usual([.. dates.Select(d => history.StoreDays(d).GetValueOrDefault(store.StoreId)).OfType<StoreDaySummary>().Select(s => s.Totals.NetSales)],
                              store.Totals.NetSales);
            var voids = Voids(store, usual);
            findings.AddRange(voids);
            findings.AddRange(SkuReturns(store, voids, usual, chainUsual, history));
            if (RefundsWithoutSale(store, voids, usual) is { } unlinked)
            {
                findings.Add(unlinked);
            }
        }

        return
        [
            .. findings.OrderByDescending(f => f.Severity).ThenByDescending(f => f.AtStake)
                .ThenBy(f => f.StoreId, StringComparer.Ordinal).ThenBy(f => f.Kind).ThenBy(f => f.Sku, StringComparer.Ordinal),
        ];
    }

    private static List<LossFinding> Voids(StoreDaySummary store, decimal usual)
    {
        List<LossFinding> voids = [];
        var unmatched = store.LargestSales.ToList();
        foreach (var refund in store.LargestReturns)
        {
            if (unmatched.FirstOrDefault(sale => Refunds(refund, sale)) is not { } sale)
            {
                continue;
            }

            unmatched.Remove(sale);
            if (sale.Amount >= VoidShareOfUsualDay * usual)
            {
                voids.Add(new LossFinding(LossFindingKind.SameDayVoid, store.StoreId,
                                          sale.Amount >= HighVoidShare * usual ? AnomalySeverity.High : AnomalySeverity.Medium,
                                          refund.Amount, sale.TopLine.Sku, sale.TopLine.Name, refund.Units, sale, refund, usual,
                                          Share(refund.Amount, store.Totals.Returns)));
            }
        }

        return voids;
    }

    /// <summary>Whether <paramref name="refund"/> refunds <paramref name="sale"/>: within the window after it, the same
    /// top SKU, and the same quantity and amount, or most of the amount.</summary>
    private static bool Refunds(ReceiptSummary refund, ReceiptSummary sale)
    {
        var after = refund.Timestamp - sale.Timestamp;
        if (after < TimeSpan.Zero || after > VoidWindow || !string.Equals(refund.TopLine.Sku, sale.TopLine.Sku, StringComparison.Ordinal))
        {
            return false;
        }

        var same = refund.TopLine.Quantity == sale.TopLine.Quantity && Math.Abs(refund.Amount - sale.Amount) <= AmountTolerance;
        return same || (refund.Amount >= VoidRefundShare * sale.Amount && refund.Amount <= sale.Amount + AmountTolerance);
    }

    private static IEnumerable<LossFinding> SkuReturns(StoreDaySummary store, List<LossFinding> voids, decimal usual, decimal chainUsual, SalesHistory history)
    {
        var weeks = history.SkuWeekIndexes;
        var pastReturns = history.StoreSkuReturns.GetValueOrDefault(store.StoreId);
        var pastSales = history.StoreSkus.GetValueOrDefault(store.StoreId);
        foreach (var sku in store.Skus.Where(s => s.Returns > 0m))
        {
            var voided = voids.Where(v => v.Sku == sku.Sku).Select(v => v.Refund!.TopLine).ToList();
            var refunded = sku.Returns - voided.Sum(l => l.Amount);
            var units = sku.UnitsReturned - voided.Sum(l => l.Quantity);
            var refundedBefore = pastReturns?.GetValueOrDefault(sku.Sku).Returns ?? 0m;
            decimal? usualRefunds = weeks.Count == 0 ? null : SalesMath.Round2(refundedBefore / weeks.Count);
            if (units < MinimumSkuUnits || refunded < SkuMaterialShare * chainUsual || refunded < SkuShareOfStoreRefunds * store.Totals.Returns
                || refunded < SkuReturnsFactor * usualRefunds)
            {
                continue;
            }

            long? usualUnits = weeks.Count == 0 ? null
                : history.ChainSkus.TryGetValue(sku.Sku, out var past)
                    ? (long)RobustBaseline.MedianOf([.. weeks.Select(i => (decimal)past.Units[i])])
                    : 0;
            var soldBefore = (pastSales?.GetValueOrDefault(sku.Sku).NetRevenue ?? 0m) + refundedBefore;
            yield return new LossFinding(LossFindingKind.SkuReturns, store.StoreId,
                                         refunded >= HighSkuShare * chainUsual ? AnomalySeverity.High : AnomalySeverity.Medium,
                                         refunded, sku.Sku, sku.Name, units, null, null, usual, Share(refunded, store.Totals.Returns), usualUnits,
                                         UsualRefunds: usualRefunds,
                                         UsualReturnRate: usualRefunds is null || soldBefore <= 0m ? null : SalesAmounts.ReturnRate(refundedBefore, soldBefore));
        }
    }

    private static LossFinding? RefundsWithoutSale(StoreDaySummary store, List<LossFinding> voids, decimal usual)
    {
        var refunded = Math.Max(0m, store.ReturnsWithoutOriginal - voids.Sum(v => v.AtStake));
        return store.ReturnTransactionsWithoutOriginal < MinimumRefundsWithoutSale || usual <= 0m || refunded <= 0m || refunded < RefundsWithoutSaleShare * usual
            ? null
            : new LossFinding(LossFindingKind.RefundsWithoutSale, store.StoreId,
                              refunded >= HighRefundsWithoutSaleShare * usual ? AnomalySeverity.High : AnomalySeverity.Medium,
                              refunded, null, null, 0, null, null, usual, Share(refunded, store.Totals.Returns), Refunds: store.ReturnTransactionsWithoutOriginal);
    }

    /// <summary>The median of <paramref name="past"/> when it has at least <see cref="AnomalyDetector.MinimumHistory"/>
    /// points, else <paramref name="today"/>.</summary>
    private static decimal Usual(IReadOnlyList<decimal> past, decimal today) =>
        past.Count >= AnomalyDetector.MinimumHistory ? RobustBaseline.MedianOf([.. past]) : today;

    private static decimal Share(decimal part, decimal whole) =>
        whole == 0m ? 0m : decimal.Round(part / whole, 4, MidpointRounding.ToEven);
}
