namespace Analytics.Cli.Generation;

/// <summary>A generated store: its id and how busy it is relative to an average store (lognormal across the chain).</summary>
internal sealed record StoreProfile(string StoreId, double Size)
{
    public static IReadOnlyList<StoreProfile> CreateChain(int count, Random random) =>
    [
        .. Enumerable.Range(1, count).Select(i =>
        {
            // Box–Muller normal, then lognormal with sigma 0.45: most stores 0.5–2x the average.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return new StoreProfile($"store-{i:D4}", Math.Exp(0.45 * normal));
        }),
    ];
}
