namespace Analytics.Functions.Hosting;

/// <summary>What a function may do with the sales table.</summary>
public enum TableAccess
{
    None,

    /// <summary><c>GetItem</c>, <c>BatchGetItem</c>, <c>Query</c> (table and index).</summary>
    Read,

    /// <summary><see cref="Read"/> and <c>BatchWriteItem</c> (puts and deletes).</summary>
    ReadWrite,
}
