namespace Analytics.Domain.Uploads;

/// <summary>
/// The stable codes of <see cref="UploadProblem.Code"/>. Each is documented in docs/upload-format.md; renaming one
/// breaks whoever reads rejection reports.
/// </summary>
public static class UploadProblemCodes
{
    public const string MalformedJson = "malformed_json";
    public const string EmptyFile = "empty_file";
    public const string InvalidRoot = "invalid_root";
    public const string EmptyArray = "empty_array";
    public const string WrongType = "wrong_type";
    public const string MissingField = "missing_field";
    public const string UnknownField = "unknown_field";
    public const string DuplicateField = "duplicate_field";
    public const string FieldAfterTransactions = "field_after_transactions";
    public const string UnsupportedSchemaVersion = "unsupported_schema_version";
    public const string ReturnsNeedVersion2 = "returns_need_version_2";
    public const string EmptyStoreDay = "empty_store_day";

    /// <summary>A version 2 store-day field (<c>exported_at</c>, <c>action</c>) in a version 1 store-day.</summary>
    public const string FieldNeedsVersion2 = "field_needs_version_2";

    /// <summary>An <c>action</c> other than <c>merge</c>, <c>replace</c> and <c>withdraw</c>.</summary>
    public const string InvalidAction = "invalid_action";

    /// <summary>A withdrawal (<c>"action": "withdraw"</c>) that carries transactions or returns.</summary>
    public const string WithdrawalWithReceipts = "withdrawal_with_receipts";
    public const string InvalidStoreId = "invalid_store_id";

    /// <summary>A store-day of another store than the one whose folder (<c>uploads/&lt;store_id&gt;/</c>) holds the file.</summary>
    public const string StoreMismatch = "store_mismatch";
    public const string InvalidBusinessDate = "invalid_business_date";
    public const string FutureBusinessDate = "future_business_date";
    public const string BusinessDateTooEarly = "business_date_too_early";
    public const string InvalidCurrency = "invalid_currency";
    public const string UnknownTimeZone = "unknown_time_zone";
    public const string EmptyTransactions = "empty_transactions";
    public const string DuplicateStoreDay = "duplicate_store_day";
    public const string EmptyString = "empty_string";
    public const string StringTooLong = "string_too_long";
    public const string ControlCharacter = "control_character";
    public const string InvalidUtf8 = "invalid_utf8";
    public const string DuplicateTransactionId = "duplicate_transaction_id";
    public const string DuplicateReturnId = "duplicate_return_id";
    public const string UnknownOriginalTransaction = "unknown_original_transaction";
    public const string OriginalAfterReturn = "original_after_return";
    public const string InvalidTimestamp = "invalid_timestamp";
    public const string TimestampWithoutOffset = "timestamp_without_offset";
    public const string TimestampOutsideBusinessDate = "timestamp_outside_business_date";
    public const string FutureTimestamp = "future_timestamp";
    public const string EmptyItems = "empty_items";
    public const string QuantityNotInteger = "quantity_not_integer";
    public const string NonPositiveQuantity = "non_positive_quantity";
    public const string QuantityTooLarge = "quantity_too_large";
    public const string NumberOutOfRange = "number_out_of_range";
    public const string NegativePrice = "negative_price";
    public const string PriceTooPrecise = "price_too_precise";
    public const string PriceTooLarge = "price_too_large";
    public const string NegativeDiscount = "negative_discount";
    public const string DiscountTooPrecise = "discount_too_precise";
    public const string DiscountExceedsLine = "discount_exceeds_line";
    public const string TooManyCategories = "too_many_categories";
    public const string TooManyPaymentMethods = "too_many_payment_methods";

    /// <summary>Found when storing, not when reading: the store-day is already stored in another currency.</summary>
    public const string CurrencyConflict = "currency_conflict";
}
