namespace Analytics.Domain.Uploads;

/// <summary>Where in the upload structure a token is: one level of the parser's context stack.</summary>
internal enum FrameKind : byte
{
    Root,
    FileArray,
    StoreDay,
    Transactions,
    Transaction,
    Items,
    Item,
    Returns,
    Return,
    /// <summary>A return's <c>original</c>: the sale it refunds.</summary>
    Original,
}
