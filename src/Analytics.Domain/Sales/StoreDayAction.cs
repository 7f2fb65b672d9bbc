namespace Analytics.Domain.Sales;

/// <summary>
/// What a store-day object of an upload does to what earlier files (earlier by <c>exported_at</c>, or by arrival)
/// said of the same store-day. Transactions and returns are known by their ids: a later file's version of an id
/// replaces an earlier one's.
/// </summary>
public enum StoreDayAction
{
    /// <summary>Adds its transactions and returns, and replaces those of the same ids (the default).</summary>
    Merge,

    /// <summary>Is the store's whole record of the day: what earlier files held and this one does not is dropped.</summary>
    Replace,

    /// <summary>Withdraws the store-day: what earlier files held of it is dropped. Carries no transaction or return.</summary>
    Withdraw,
}
