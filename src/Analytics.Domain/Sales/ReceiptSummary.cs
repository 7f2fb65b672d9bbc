namespace Analytics.Domain.Sales;

/// <summary>
/// One of a store-day's largest receipts (a sale by its net, or a return by its refund), kept so that the analysis
/// can name an order that makes a day unusual: which receipt, when, and its largest line.
/// </summary>
/// <param name="Id">The transaction id (or return id) as the store sent it.</param>
/// <param name="Timestamp">When it was rung up, in the chain's time zone when the upload gives one (else with the
/// offset it was sent with).</param>
/// <param name="Amount">A sale's net (gross less discounts), or a return's refund (positive).</param>
/// <param name="Units">Units on the receipt.</param>
/// <param name="Lines">Item lines on the receipt.</param>
/// <param name="TopLine">The receipt's largest line by amount (the first of equals).</param>
/// <param name="TopCategoryAmount">The receipt's amount in its largest line's category (that line and the others of
/// the category, as <paramref name="Amount"/> is summed).</param>
public sealed record ReceiptSummary(string Id, DateTimeOffset Timestamp, decimal Amount, long Units, int Lines, ReceiptLine TopLine, decimal TopCategoryAmount);

/// <summary>One item line of a <see cref="ReceiptSummary"/>: <paramref name="Amount"/> is quantity × unit price less
/// its discount.</summary>
public sealed record ReceiptLine(string Sku, string Name, string Category, long Quantity, decimal UnitPrice, decimal Amount);
