namespace Analytics.Cli.Generation;

/// <summary>A store that takes back <see cref="SalesDataGenerator.ReturnSpikeFactor"/> times its usual returns on one
/// date, as after a faulty batch or a refund fraud.</summary>
internal sealed record ReturnSpike(DateOnly Date, string StoreId)
{
    /// <summary>The spike on <paramref name="date"/> in the chain's median store by size.</summary>
    public static ReturnSpike For(IReadOnlyList<StoreProfile> stores, DateOnly date)
    {
        ArgumentOutOfRangeException.ThrowIfZero(stores.Count);
        var bySize = stores.OrderBy(s => s.Size).ThenBy(s => s.StoreId, StringComparer.Ordinal).ToList();
        return new ReturnSpike(date, bySize[bySize.Count / 2].StoreId);
    }
}
