using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// A receipt that makes a day unusual: the figures it is part of would be ordinary without it, or it alone is at
/// least <see cref="IncidentBuilder.OrderShareOfChainDay"/> of the chain's day. Shares are of the day's net sales
/// (before returns, so a sale cancelled the same day is still its share of what was sold), 0–1 to 4 places.
/// </summary>
/// <param name="UsualStoreDay">The store's median net revenue on the baseline days (0 without history).</param>
/// <param name="UsualLargestOrder">The median of the store's largest sale on its baseline days; null when fewer than
/// <see cref="AnomalyDetector.MinimumHistory"/> of them kept one.</param>
public sealed record UnusualOrder(string StoreId, ReceiptSummary Receipt, decimal ShareOfStoreDay, decimal ShareOfChainDay, decimal UsualStoreDay,
                                  decimal? UsualLargestOrder = null)
{
    /// <summary>Whether the order is out of the store's ordinary: at least <see cref="IncidentBuilder.OrderOutlierFactor"/>
    /// times its usual largest order (or nothing is known of that).</summary>
    public bool OutOfTheOrdinary => UsualLargestOrder is not { } usual || Receipt.Amount >= IncidentBuilder.OrderOutlierFactor * usual;
}
