namespace Analytics.Domain.Uploads;

/// <summary>The fields of upload formats v1 and v2 (returns, exported_at, action). Each value is also its bit in an object's set of seen fields.</summary>
internal enum UploadField : byte
{
    /// <summary>Not a field of the format, or a field whose value is being skipped.</summary>
    None,
    SchemaVersion,
    StoreId,
    BusinessDate,
    Currency,
    TimeZone,
    Transactions,
    TransactionId,
    Timestamp,
    PaymentMethod,
    Items,
    Sku,
    Name,
    Category,
    Quantity,
    UnitPrice,
    Discount,
    Returns,
    ReturnId,
    Original,
    OriginalTransactionId,
    OriginalBusinessDate,
    OriginalStoreId,
    ExportedAt,
    Action,
}
