using System.Globalization;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// A loss-prevention finding of one store on D (<see cref="LossPreventionFinder"/>): something a chain's
/// loss-prevention lead looks at, stated neutrally (a void may be a corrected keying error as well as a refund to
/// verify). <see cref="AtStake"/> is the money refunded that the finding is about.
/// </summary>
/// <param name="Sku">The SKU concerned: the voided sale's top line's, or the returned SKU; null for refunds without a sale.</param>
/// <param name="Units">Units refunded: the void's receipt's, or the SKU's on D at the store; 0 for refunds without a sale.</param>
/// <param name="Sale">The sale refunded (<see cref="LossFindingKind.SameDayVoid"/>); null otherwise.</param>
/// <param name="Refund">The refund (<see cref="LossFindingKind.SameDayVoid"/>); null otherwise.</param>
/// <param name="UsualStoreDay">The store's median net sales (before refunds) on its same-weekday baseline days; D's
/// own when the store has fewer than <see cref="AnomalyDetector.MinimumHistory"/> of them.</param>
/// <param name="ShareOfStoreRefunds">The finding's refunds as a share of the store's refunds on D, 0–1 to 4 places.</param>
/// <param name="UsualUnitsSold">For <see cref="LossFindingKind.SkuReturns"/>, the chain's median units of the SKU
/// sold on the loaded SKU weeks (same weekdays; 0 where it did not sell); null without them.</param>
/// <param name="Refunds">For <see cref="LossFindingKind.RefundsWithoutSale"/>, how many returns named no original sale.</param>
/// <param name="UsualRefunds">For <see cref="LossFindingKind.SkuReturns"/>, the SKU's refunds at the store per loaded
/// SKU week (same weekdays); null without them.</param>
/// <param name="UsualReturnRate">For <see cref="LossFindingKind.SkuReturns"/>, the SKU's refunds / net sales at the
/// store over the loaded SKU weeks, 0–1 to 4 places; null without them or without sales then.</param>
public sealed record LossFinding(
    LossFindingKind Kind,
    string StoreId,
    AnomalySeverity Severity,
    decimal AtStake,
    string? Sku,
    string? SkuName,
    long Units,
    ReceiptSummary? Sale,
    ReceiptSummary? Refund,
    decimal UsualStoreDay,
    decimal ShareOfStoreRefunds,
    long? UsualUnitsSold = null,
    int? Refunds = null,
    decimal? UsualRefunds = null,
    decimal? UsualReturnRate = null)
{
    /// <summary>Minutes from the sale to its refund (<see cref="LossFindingKind.SameDayVoid"/>); null otherwise.</summary>
    public int? MinutesToRefund => Sale is { } sale && Refund is { } refund ? (int)(refund.Timestamp - sale.Timestamp).TotalMinutes : null;

    /// <summary>One neutral sentence for a report, amounts with two decimals and times as the receipts give them.</summary>
    public string Describe() => Kind switch
    {
        LossFindingKind.SameDayVoid => string.Create(CultureInfo.InvariantCulture,
            $"{StoreId}: sale {Sale!.Id} at {Sale.Timestamp:HH:mm} of {Sale.Amount:N2} ({Sale.TopLine.Quantity:N0} × {Sku} {SkuName}) was refunded at {Refund!.Timestamp:HH:mm} (return {Refund.Id}, {Refund.Amount:N2}), {MinutesToRefund} minutes later; usual day {UsualStoreDay:N2}. A corrected keying error or a refund to verify (void after payment)."),
        LossFindingKind.RefundsWithoutSale => string.Create(CultureInfo.InvariantCulture,
            $"{StoreId}: {Refunds:N0} refunds of {AtStake:N2} name no original sale ({ShareOfStoreRefunds:P0} of the store's refunds today; usual day {UsualStoreDay:N2}). Returns without a receipt, or refunds to verify."),
        _ => string.Create(CultureInfo.InvariantCulture,
            $"{StoreId}: {Units:N0} units of {Sku} {SkuName} refunded for {AtStake:N2}, {ShareOfStoreRefunds:P0} of the store's refunds today{UsualText()}. A product problem (quality, description) or refunds to verify."),
    };

    private string UsualText() => string.Create(CultureInfo.InvariantCulture,
        $"{(UsualRefunds is { } refunds ? $"; usually {refunds:N2} a day at the store{(UsualReturnRate is { } rate ? $" ({rate:P1} of its sales)" : "")}" : "")}{(UsualUnitsSold is { } usual ? $"; the chain usually sells {usual:N0} a day" : "")}");
}
