using System.Buffers.Binary;

namespace Analytics.Domain.Uploads;

/// <summary>The JSON names of the format's fields, matched as UTF-8 bytes (by length first, then content).</summary>
internal static class UploadFieldNames
{
    /// <summary>The field <paramref name="name"/> denotes in an object of <paramref name="kind"/>; <see cref="UploadField.None"/> when it is not a v1 field there.</summary>
    public static UploadField Identify(FrameKind kind, ReadOnlySpan<byte> name) => kind switch
    {
        FrameKind.StoreDay => StoreDayField(name),
        FrameKind.Transaction => TransactionField(name),
        FrameKind.Item => ItemField(name),
        FrameKind.Return => ReturnField(name),
        FrameKind.Original => OriginalField(name),
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
        UploadField.Returns => "returns",
        UploadField.ReturnId => "return_id",
        UploadField.Original => "original",
        UploadField.OriginalTransactionId => "transaction_id",
        UploadField.OriginalBusinessDate => "business_date",
        UploadField.OriginalStoreId => "store_id",
        UploadField.ExportedAt => "exported_at",
        UploadField.Action => "action",
        _ => "",
    };

    private static UploadField StoreDayField(ReadOnlySpan<byte> name) => name.Length switch
    {
        6 when name.SequenceEqual("action"u8) => UploadField.Action,
        7 when name.SequenceEqual("returns"u8) => UploadField.Returns,
        8 when name.SequenceEqual("store_id"u8) => UploadField.StoreId,
        8 when name.SequenceEqual("currency"u8) => UploadField.Currency,
        9 when name.SequenceEqual("time_zone"u8) => UploadField.TimeZone,
        11 when name.SequenceEqual("exported_at"u8) => UploadField.ExportedAt,
        12 when name.SequenceEqual("transactions"u8) => UploadField.Transactions,
        13 when name.SequenceEqual("business_date"u8) => UploadField.BusinessDate,
        14 when name.SequenceEqual("schema_version"u8) => UploadField.SchemaVersion,
        _ => UploadField.None,
    };

    private static UploadField TransactionField(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("items"u8) => UploadField.Items,
        9 when Word(name) == TimestamWord && name[8] == (byte)'p' => UploadField.Timestamp,
        14 when name.SequenceEqual("transaction_id"u8) => UploadField.TransactionId,
        14 when name.SequenceEqual("payment_method"u8) => UploadField.PaymentMethod,
        _ => UploadField.None,
    };

    private static UploadField ReturnField(ReadOnlySpan<byte> name) => name.Length switch
    {
        5 when name.SequenceEqual("items"u8) => UploadField.Items,
        8 when name.SequenceEqual("original"u8) => UploadField.Original,
        9 when name.SequenceEqual("return_id"u8) => UploadField.ReturnId,
        9 when name.SequenceEqual("timestamp"u8) => UploadField.Timestamp,
        14 when name.SequenceEqual("payment_method"u8) => UploadField.PaymentMethod,
        _ => UploadField.None,
    };

    private static UploadField OriginalField(ReadOnlySpan<byte> name) => name.Length switch
    {
        8 when name.SequenceEqual("store_id"u8) => UploadField.OriginalStoreId,
        13 when name.SequenceEqual("business_date"u8) => UploadField.OriginalBusinessDate,
        14 when name.SequenceEqual("transaction_id"u8) => UploadField.OriginalTransactionId,
        _ => UploadField.None,
    };

    /// <summary>The field <paramref name="name"/> denotes in an item object. Item fields come six to a line, so the 8-byte names are told apart by one 64-bit compare.</summary>
    public static UploadField ItemField(ReadOnlySpan<byte> name)
    {
        switch (name.Length)
        {
            case 3:
                return name[0] == (byte)'s' && name[1] == (byte)'k' && name[2] == (byte)'u' ? UploadField.Sku : UploadField.None;
            case 4:
                return BinaryPrimitives.ReadUInt32LittleEndian(name) == NameWord ? UploadField.Name : UploadField.None;
            case 8:
                return Word(name) switch
                {
                    QuantityWord => UploadField.Quantity,
                    CategoryWord => UploadField.Category,
                    DiscountWord => UploadField.Discount,
                    _ => UploadField.None,
                };
            case 10:
                return Word(name) == UnitPriWord && name[8] == (byte)'c' && name[9] == (byte)'e' ? UploadField.UnitPrice : UploadField.None;
            default:
                return UploadField.None;
        }
    }

    /// <summary>The first eight bytes of <paramref name="name"/> (at least eight long) as one little-endian word.</summary>
    private static ulong Word(ReadOnlySpan<byte> name) => BinaryPrimitives.ReadUInt64LittleEndian(name);

    // The little-endian words of "name", "quantity", "category", "discount", "unit_pri" and "timestam".
    private const uint NameWord = 0x656d616e;
    private const ulong QuantityWord = 0x797469746e617571;
    private const ulong CategoryWord = 0x79726f6765746163;
    private const ulong DiscountWord = 0x746e756f63736964;
    private const ulong UnitPriWord = 0x6972705f74696e75;
    private const ulong TimestamWord = 0x6d617473656d6974;
}
