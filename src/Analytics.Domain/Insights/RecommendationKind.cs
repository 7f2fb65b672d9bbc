namespace Analytics.Domain.Insights;

/// <summary>The rule a recommendation comes from.</summary>
public enum RecommendationKind
{
    /// <summary>One order explains figures of the day, or is a large share of it: verify it before acting.</summary>
    VerifyUnusualOrder,
    /// <summary>A store with history made no sales on D.</summary>
    ConfirmStoreTrading,
    /// <summary>The chain's revenue is outside its baseline.</summary>
    ChainRevenueShift,
    /// <summary>A store's revenue fell below its baseline.</summary>
    InvestigateStoreDrop,
    /// <summary>A store's revenue rose above its baseline.</summary>
    LearnFromStoreSurge,
    /// <summary>A category's revenue rose above its baseline.</summary>
    LeanIntoCategorySurge,
    /// <summary>A category's revenue fell below its baseline.</summary>
    InvestigateCategoryDrop,
    /// <summary>SKUs that usually sell at a store sold nothing.</summary>
    RestockUsualSellers,
    /// <summary>The discount rate jumped against the four-week same-weekday rate.</summary>
    ReviewDiscounting,
    /// <summary>A store's deseasonalized 28-day trend is falling.</summary>
    ReviewStoreDecline,
    /// <summary>A category's deseasonalized 28-day trend is rising.</summary>
    PlanCategoryGrowth,
}
