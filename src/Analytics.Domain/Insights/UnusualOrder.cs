using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// A receipt that makes a day unusual: the figures it is part of would be ordinary without it, or it alone is at
/// least <see cref="IncidentBuilder.OrderShareOfChainDay"/> of the chain's day. Shares are of net revenue, 0–1 to
/// 4 places (above 1 when returns make the day's net revenue smaller than the order).
/// </summary>
/// <param name="UsualStoreDay">The store's median net revenue on the baseline days (0 without history).</param>
public sealed record UnusualOrder(string StoreId, ReceiptSummary Receipt, decimal ShareOfStoreDay, decimal ShareOfChainDay, decimal UsualStoreDay);
