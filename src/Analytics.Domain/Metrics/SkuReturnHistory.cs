namespace Analytics.Domain.Metrics;

/// <summary>
/// One SKU's refunds at one store over the SKU weeks of a <see cref="SalesHistory"/> (the same weekdays D − 7 … D − 28
/// loaded with SKU lines), in all: units returned and the amount refunded (positive).
/// </summary>
public readonly record struct SkuReturnHistory(long UnitsReturned, decimal Returns);
