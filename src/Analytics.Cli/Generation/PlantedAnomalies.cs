namespace Analytics.Cli.Generation;

/// <summary>
/// Unusual sales planted on one date, so that the demo can show the analysis finding them: a store whose revenue
/// falls by half, a category whose sales double, and a store that sells nothing.
/// </summary>
internal sealed record PlantedAnomalies(DateOnly Date, string HalvedStore, string SurgingCategory, string ClosedStore)
{
    /// <summary>The category whose units double: a mid-sized one, so the surge is clear but not the whole chain.</summary>
    public const string DefaultCategory = "Beverages";

    /// <summary>
    /// Plants on <paramref name="date"/> in mid-sized stores of <paramref name="stores"/> (by size: the 40th and 60th
    /// percentile), so the planted changes are neither drowned by noise nor the chain's biggest store.
    /// </summary>
    /// <exception cref="ArgumentException">Fewer than 3 stores: the planted stores would be most of the chain.</exception>
    public static PlantedAnomalies For(IReadOnlyList<StoreProfile> stores, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(stores);
        if (stores.Count < 3)
        {
            throw new ArgumentException("Planting anomalies needs at least 3 stores.", nameof(stores));
        }

        var bySize = stores.OrderBy(s => s.Size).ThenBy(s => s.StoreId, StringComparer.Ordinal).ToList();
        return new PlantedAnomalies(date, bySize[bySize.Count * 2 / 5].StoreId, DefaultCategory, bySize[bySize.Count * 3 / 5].StoreId);
    }
}
