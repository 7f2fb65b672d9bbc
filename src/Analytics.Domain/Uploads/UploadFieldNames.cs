namespace Analytics.Domain.Uploads;

/// <summary>The JSON names of the v1 fields, matched as UTF-8 bytes (by length first, then content).</summary>
internal static class UploadFieldNames
{
    /// <summary>The field <paramref name="name"/> denotes in an object of <paramref name="kind"/>; <see cref="UploadField.None"/> when it is not a v1 field there.</summary>
    public static UploadField Identify(FrameKind kind, ReadOnlySpan<byte> name) => kind switch
    {
        FrameKind.StoreDay => StoreDayField(name),
        FrameKind.Transaction => TransactionField(name),
        FrameKind.Item => ItemField(name),
        _ => UploadField.None,
    };

    /// <summary>The field's JSON name.</summary>
    public static string Name(UploadField field) => field switch
    {
        UploadField.SchemaVersion => "schema_version",
        UploadField.StoreId => "store_id",
        UploadField.BusinessDate => "business_date",
        UploadField.Currency => "currency",
        UploadField.TimeZone => "time_zone",
        UploadField.Transactions => "transactions",
        UploadField.TransactionId => "transaction_id",
        UploadField.Timestamp => "timestamp",
        UploadField.PaymentMethod => "payment_method",
        UploadField.Items => "items",
        UploadField.Sku => "sku",
        UploadField.Name => "name",
        UploadField.Category => "category",
        UploadField.Quantity => "quantity",
        UploadField.UnitPrice => "unit_price",
        UploadField.Discount => "discount",
        _ => "",
    };

    private static UploadField StoreDayField(ReadOnlySpan<byte> name) => name.Length switch
    {
        8 when name.SequenceEqual("store_id"u8) => UploadField.StoreId,
        8 when name.SequenceEqual("currency"u8) => UploadField.Currency,
        9 when name.SequenceEqual("time_zone"u8) => UploadField.TimeZone,
        12 when name.SequenceEqual("transactions"u8) => UploadField.Transactions,
        13 when name.SequenceEqual("business_date"u8) => UploadField.BusinessDate,
        14 when name.SequenceEqual("schema_version"u8) => UploadField.SchemaVersion,
        _ => UploadField.None,
    };

    private static UploadField TransactionField(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("items"u8) => UploadField.Items,
        9 when name.SequenceEqual("timestamp"u8) => UploadField.Timestamp,
        14 when name.SequenceEqual("transaction_id"u8) => UploadField.TransactionId,
        14 when name.SequenceEqual("payment_method"u8) => UploadField.PaymentMethod,
        _ => UploadField.None,
    };

    private static UploadField ItemField(ReadOnlySpan<byte> name) => name.Length switch
    {
        3 when name.SequenceEqual("sku"u8) => UploadField.Sku,
        4 when name.SequenceEqual("name"u8) => UploadField.Name,
        8 when name.SequenceEqual("quantity"u8) => UploadField.Quantity,
        8 when name.SequenceEqual("category"u8) => UploadField.Category,
        8 when name.SequenceEqual("discount"u8) => UploadField.Discount,
        10 when name.SequenceEqual("unit_price"u8) => UploadField.UnitPrice,
        _ => UploadField.None,
    };
}
