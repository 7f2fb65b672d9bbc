namespace Analytics.Benchmarks.Noise;

/// <summary>
/// A day issue 14 names, analysed even outside the chosen range and left out of the ordinary days' figures.
/// A one-order day has the invoice and SKU that make most of it: the day's top finding or top recommendation must
/// name one of them. A store's day names the store the day is about.
/// </summary>
internal sealed record ListedDay(DateOnly Date, string What, string? TransactionId = null, string? Sku = null, string? StoreId = null)
{
    /// <summary>The last date of the data set, which stops at 12:50: it must be flagged as incomplete.</summary>
    public static readonly DateOnly PartialDay = new(2011, 12, 9);

    public static readonly IReadOnlyList<ListedDay> All =
    [
        new(new DateOnly(2011, 1, 18), "one order: 74,215 units of SKU 23166", "541431", "23166"),
        new(new DateOnly(2011, 6, 10), "one order: 60 units of SKU 22502 at 649.50", "556444", "22502"),
        new(new DateOnly(2011, 7, 31), "store-eire at ~40x its usual day (short same-weekday history)", StoreId: "store-eire"),
        new(PartialDay, "one order: 80,995 units of SKU 23843; the day ends at 12:50", "581483", "23843"),
    ];

    public bool IsOneOrderDay => TransactionId is not null;
}
