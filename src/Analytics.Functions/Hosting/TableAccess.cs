namespace Analytics.Functions.Hosting;

/// <summary>What a function may do with the sales table.</summary>
public enum TableAccess
{
    None,

    /// <summary><c>Query</c> on the table: the adapter's reads (a day, the chain's days) are queries of the table.</summary>
    Read,

    /// <summary><see cref="Read"/>, and <c>BatchGetItem</c> (the current versions) and <c>BatchWriteItem</c> (puts and deletes) of a save.</summary>
    ReadWrite,
}
