using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Metrics;

/// <summary>
/// A small chain worked out by hand: 3 stores, 2 categories (Coffee, Tea), 5 SKUs, 9 weeks of history before
/// D = Wednesday 2025-03-12. Prices: C1 10.00, C2 5.00, C3 2.50 (Coffee); T1 4.00, T2 8.00 (Tea).
/// <code>
/// every history day (the "base"):
///   s1: C1×10 (100, discount 6), C2×6 (30), T1×5 (20), T2×2 (16)  gross 166 net 160 tx 20 units 23  Coffee 124 Tea 36
///   s2: C1×5 (50), C3×8 (20), T1×10 (40)                           gross 110 net 110 tx 15 units 23  Coffee  70 Tea 40
///   s3: C2×4 (20), C3×4 (10), T2×5 (40, discount 2)                gross  70 net  68 tx 10 units 13  Coffee  30 Tea 38
///   chain: gross 346, discounts 8, net 338, tx 45, units 59; Coffee 224 (tx 37), Tea 114 (tx 22)
/// except D−1 (Tue): s1 sells C1×8 (80): s1 gross 146 net 140; chain gross 326 discounts 8 net 318 units 57
/// except D−14 (Wed): s2 sells T1×12 (48): s2 gross 118 net 118; chain gross 354 net 346 units 61; Tea 122
/// D:
///   s1: C1×12 (120, discount 6), C2×6, T1×5, T2×2                  gross 186 net 180 tx 22 units 25  Coffee 144 Tea 36
///   s2: C1×5, T1×10 (no C3: it usually sells 8 a day)              gross  90 net  90 tx 15 units 15  Coffee  50 Tea 40
///   s3: C2×4, C3×4, T2×5 (discount 4)                              gross  70 net  66 tx 10 units 13  Coffee  30 Tea 36
///   chain: gross 346, discounts 10, net 336, tx 47, units 53; Coffee 224 (tx 31), Tea 112 (tx 22)
/// D with returns (<see cref="TodayWithReturns"/>): the same sales, and refunds at list price, one unit per return
/// transaction: s1 takes back C1×2 (20), s2 T1×1 (4), s3 X9×3 (6; X9 is a Coffee SKU at 2.00 that did not sell):
///   s1: net sales 180 returns 20 net revenue 160 rate 0.1111   s2: 90 − 4 = 86 rate 0.0444   s3: 66 − 6 = 60 rate 0.0909
///   chain: net sales 336, returns 30 (6 transactions, 6 units), net revenue 306, rate 30 / 336 = 0.0893
///   Coffee: net sales 224 returns 26 net revenue 198 rate 0.1161; Tea: 112 − 4 = 108 rate 0.0357
/// </code>
/// </summary>
internal static class HandData
{
    public static readonly DateOnly Day = new(2025, 3, 12);

    public static IReadOnlyList<StoreDaySummary> Today =>
    [
        SalesData.StoreDay("s1", Day, 22, C1(12, 6m), C2(6), T1(5), T2(2)),
        SalesData.StoreDay("s2", Day, 15, C1(5), T1(10)),
        SalesData.StoreDay("s3", Day, 10, C2(4), C3(4), T2(5, 4m)),
    ];

    public static IReadOnlyList<StoreDaySummary> TodayWithReturns =>
    [
        SalesData.StoreDay("s1", Day, 22, C1(12, 6m) with { Returned = 2 }, C2(6), T1(5), T2(2)),
        SalesData.StoreDay("s2", Day, 15, C1(5), T1(10) with { Returned = 1 }),
        SalesData.StoreDay("s3", Day, 10, C2(4), C3(4), T2(5, 4m), new Line("X9", "Coffee", 0, 2.00m, Returned: 3)),
    ];

    public static SalesHistory History => SalesData.History(Day, On, Day.AddDays(-63));

    public static IReadOnlyList<StoreDaySummary> On(DateOnly date) =>
    [
        SalesData.StoreDay("s1", date, 20, C1(date == Day.AddDays(-1) ? 8 : 10, 6m), C2(6), T1(5), T2(2)),
        SalesData.StoreDay("s2", date, 15, C1(5), C3(8), T1(date == Day.AddDays(-14) ? 12 : 10)),
        SalesData.StoreDay("s3", date, 10, C2(4), C3(4), T2(5, 2m)),
    ];

    private static Line C1(long units, decimal discount = 0m) => new("C1", "Coffee", units, 10.00m, discount);
    private static Line C2(long units) => new("C2", "Coffee", units, 5.00m);
    private static Line C3(long units) => new("C3", "Coffee", units, 2.50m);
    private static Line T1(long units) => new("T1", "Tea", units, 4.00m);
    private static Line T2(long units, decimal discount = 0m) => new("T2", "Tea", units, 8.00m, discount);
}
