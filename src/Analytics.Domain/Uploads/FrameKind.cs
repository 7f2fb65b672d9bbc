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
}
