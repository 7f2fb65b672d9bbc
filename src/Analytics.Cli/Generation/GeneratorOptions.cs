namespace Analytics.Cli.Generation;

/// <summary>What to generate. Same options, same bytes.</summary>
internal sealed record GeneratorOptions
{
    /// <summary>The stores' zone unless told otherwise.</summary>
    public const string DefaultTimeZone = "America/New_York";

    public int Stores { get; init; } = 50;
    public int Days { get; init; } = 120;
    /// <summary>The last business date generated; the first is <c>Days - 1</c> days before it.</summary>
    public required DateOnly LastDate { get; init; }
    public int Seed { get; init; } = 42;
    public int Products { get; init; } = 800;
    /// <summary>Transactions of an average store on an average weekday.</summary>
    public int BaseTransactions { get; init; } = 180;
    public string Currency { get; init; } = "USD";
    public string TimeZone { get; init; } = DefaultTimeZone;
    /// <summary>Unusual sales to plant (the demo's); null for none.</summary>
    public PlantedAnomalies? Planted { get; init; }
    /// <summary>Whether store-days carry returns (a few percent of items, by category).</summary>
    public bool Returns { get; init; } = true;
    /// <summary>A store whose returns are ten times the usual on one date; null for none.</summary>
    public ReturnSpike? ReturnSpike { get; init; }

    public DateOnly FirstDate => LastDate.AddDays(1 - Days);
}
