namespace Analytics.Domain.Insights;

/// <summary>What a <see cref="LossFinding"/> is about.</summary>
public enum LossFindingKind
{
    /// <summary>A large sale refunded at the same store within the hour (<see cref="LossPreventionFinder.VoidWindow"/>).</summary>
    SameDayVoid,

    /// <summary>A store's refunds of one SKU on D that are most of its refunds and material to the chain.</summary>
    SkuReturns,

    /// <summary>A store's refunds on D that name no original sale, large against its usual day.</summary>
    RefundsWithoutSale,
}
