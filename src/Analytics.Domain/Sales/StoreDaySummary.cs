using System.Text.Json.Serialization;

namespace Analytics.Domain.Sales;

/// <summary>
/// Everything the analysis needs about one store's business day. Lists are ordered: hours ascending,
/// categories, payment methods and SKUs by ordinal name, so equal data gives equal documents.
/// <see cref="Skus"/> is empty when the summary was read at <see cref="SalesDetail.Totals"/>.
/// <see cref="LargestSales"/> and <see cref="LargestReturns"/> (largest first, at most
/// <see cref="MaxLargestReceipts"/> each) are empty for a store-day stored before they were kept.
/// </summary>
public sealed record StoreDaySummary
{
    public required string StoreId { get; init; }
    public required DateOnly BusinessDate { get; init; }
    /// <summary>ISO 4217 code of every amount in this summary.</summary>
    public required string Currency { get; init; }
    public required SalesTotals Totals { get; init; }
    public required IReadOnlyList<HourSales> Hours { get; init; }
    public required IReadOnlyList<CategorySales> Categories { get; init; }
    public required IReadOnlyList<PaymentMethodSales> PaymentMethods { get; init; }
    public required IReadOnlyList<SkuSales> Skus { get; init; }

    /// <summary>The store-day's largest sales by net, largest first (the earlier of equals first).</summary>
    public IReadOnlyList<ReceiptSummary> LargestSales { get; init; } = [];

    /// <summary>The store-day's largest returns by refund, largest first (the earlier of equals first).</summary>
    public IReadOnlyList<ReceiptSummary> LargestReturns { get; init; } = [];

    /// <summary>Of the store-day's returns, how many name no <c>original</c> sale (format v2 allows it): a refund the
    /// till could not tie to a sale. 0 for a store-day stored before it was counted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int ReturnTransactionsWithoutOriginal { get; init; }

    /// <summary>What the returns without an <c>original</c> refunded (positive); 0 for a store-day stored before it was
    /// counted.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public decimal ReturnsWithoutOriginal { get; init; }

    /// <summary>Receipts kept per kind in <see cref="LargestSales"/> and <see cref="LargestReturns"/>.</summary>
    public const int MaxLargestReceipts = 3;
}
