namespace Analytics.Domain.Tests.Uploads;

/// <summary>Invalid upload files, each breaking one rule of the format, derived from one valid store-day of version 1
/// (<see cref="Valid"/>) or version 2 with returns (<see cref="ValidWithReturns"/>).</summary>
internal static class MalformedUploads
{
    public const string Valid =
        """{"schema_version":1,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD","transactions":[{"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":18.50,"discount":0.00}]}]}""";

    /// <summary>A version 2 store-day: the sale of <see cref="Valid"/> and the return of one of its units the same afternoon.</summary>
    public const string ValidWithReturns =
        """{"schema_version":2,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD","transactions":[{"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":18.50,"discount":0.00}]}],"returns":[{"return_id":"R-1","timestamp":"2025-01-15T16:40:00-05:00","payment_method":"cash","original":{"transaction_id":"T-1","business_date":"2025-01-15"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]}]}""";

    private const string Return = "$.returns[0]";

    private const string SecondReturn =
        """]},{"return_id":"R-1","timestamp":"2025-01-15T17:00:00-05:00","payment_method":"cash","items":[{"sku":"SKU-2","name":"Milk","category":"Dairy","quantity":1,"unit_price":1}]}]}""";

    private const string Item = "$.transactions[0].items[0]";

    public static readonly IReadOnlyDictionary<string, MalformedUpload> Cases = new Dictionary<string, MalformedUpload>
    {
        ["truncated"] = new(Valid[..40], "malformed_json", "$.store_id"),
        ["trailing_garbage"] = new(Valid + " x", "malformed_json", "$"),
        ["unclosed_string_multiline"] = new("{\n  \"schema_version\": 1,\n  \"store_id\": \"abc\n}", "malformed_json", "$.store_id"),
        ["empty_file"] = new("", "empty_file", "$"),
        ["whitespace_only"] = new("  \n\t ", "empty_file", "$"),
        ["root_number"] = new("42", "invalid_root", "$", "42"),
        ["root_string"] = new("\"hello\"", "invalid_root", "$"),
        ["empty_array"] = new("[ ]", "empty_array", "$", "]"),
        ["array_of_numbers"] = new("[1]", "wrong_type", "$[0]", "1"),
        ["store_id_number"] = new(Swap("\"store-0042\"", "42"), "wrong_type", "$.store_id", "42,"),
        ["store_id_object_skipped"] = new(Swap("\"store-0042\"", "{\"a\":[1,{}]}"), "wrong_type", "$.store_id", "{\"a\""),
        ["currency_missing"] = new(Swap("\"currency\":\"USD\",", ""), "missing_field", "$.currency"),
        ["unknown_field_typo"] = new(Swap("unit_price", "unit_prce"), "unknown_field", Item + ".unit_prce", "\"unit_prce\""),
        ["duplicate_field"] = new(Swap("\"sku\":\"SKU-1\"", "\"sku\":\"SKU-1\",\"sku\":\"SKU-2\""), "duplicate_field", Item + ".sku", "\"sku\":\"SKU-2\""),
        ["schema_version_3"] = new(Swap("\"schema_version\":1", "\"schema_version\":3"), "unsupported_schema_version", "$.schema_version", "3,"),
        ["schema_version_missing"] = new(Swap("\"schema_version\":1,", ""), "missing_field", "$.schema_version"),
        ["store_id_space"] = new(Swap("store-0042", "store 42"), "invalid_store_id", "$.store_id", "\"store 42\""),
        ["store_id_leading_dash"] = new(Swap("store-0042", "-store"), "invalid_store_id", "$.store_id"),
        ["store_id_too_long"] = new(Swap("store-0042", new string('s', 65)), "string_too_long", "$.store_id"),
        ["business_date_unpadded"] = new(Swap("\"business_date\":\"2025-01-15\"", "\"business_date\":\"2025-1-15\""), "invalid_business_date", "$.business_date", "\"2025-1-15\""),
        ["business_date_impossible"] = new(Swap("\"business_date\":\"2025-01-15\"", "\"business_date\":\"2025-02-30\""), "invalid_business_date", "$.business_date"),
        ["business_date_before_2000"] = new(Swap("\"business_date\":\"2025-01-15\"", "\"business_date\":\"1999-12-31\""), "business_date_too_early", "$.business_date", "\"1999-12-31\""),
        ["business_date_future"] = new(Swap("\"business_date\":\"2025-01-15\"", "\"business_date\":\"2025-02-03\""), "future_business_date", "$.business_date"),
        ["currency_lower_case"] = new(Swap("\"USD\"", "\"usd\""), "invalid_currency", "$.currency", "\"usd\""),
        ["currency_unknown"] = new(Swap("\"USD\"", "\"XYZ\""), "invalid_currency", "$.currency"),
        ["time_zone_unknown"] = new(Swap("\"currency\":\"USD\"", "\"currency\":\"USD\",\"time_zone\":\"Mars/Olympus\""), "unknown_time_zone", "$.time_zone", "\"Mars/Olympus\""),
        ["transactions_empty"] = new(Swap(Valid[Valid.IndexOf("[{", StringComparison.Ordinal)..], "[]}"), "empty_transactions", "$.transactions", "]}"),
        ["transactions_missing"] = new("""{"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD"}""", "missing_field", "$.transactions", "}"),
        ["transactions_string"] = new("""{"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":"none"}""", "wrong_type", "$.transactions", "\"none\""),
        ["field_after_transactions"] = new(Swap("\"currency\":\"USD\",", "") [..^1] + ",\"currency\":\"USD\"}", "field_after_transactions", "$.currency", "\"USD\""),
        ["transaction_not_object"] = new(Swap(Valid[Valid.IndexOf("[{", StringComparison.Ordinal)..], "[true]}"), "wrong_type", "$.transactions[0]", "true"),
        ["transaction_id_empty"] = new(Swap("\"T-1\"", "\"\""), "empty_string", "$.transactions[0].transaction_id"),
        ["transaction_id_too_long"] = new(Swap("\"T-1\"", "\"" + new string('t', 129) + "\""), "string_too_long", "$.transactions[0].transaction_id"),
        ["transaction_id_control_character"] = new(Swap("\"T-1\"", "\"T\\n1\""), "control_character", "$.transactions[0].transaction_id", "\"T\\n1\""),
        ["transaction_id_missing"] = new(Swap("\"transaction_id\":\"T-1\",", ""), "missing_field", "$.transactions[0].transaction_id"),
        ["transaction_id_duplicate"] = new(Swap("]}]}", "]},{\"transaction_id\":\"T-1\",\"timestamp\":\"2025-01-15T10:00:00-05:00\",\"payment_method\":\"card\",\"items\":[{\"sku\":\"SKU-1\",\"name\":\"Beans\",\"category\":\"Coffee\",\"quantity\":1,\"unit_price\":1}]}]}"),
                                            "duplicate_transaction_id", "$.transactions[1].transaction_id", null, "T-1"),
        ["timestamp_unparseable"] = new(Swap("2025-01-15T09:12:33-05:00", "yesterday"), "invalid_timestamp", "$.transactions[0].timestamp", "\"yesterday\"", "T-1"),
        ["timestamp_without_offset"] = new(Swap("2025-01-15T09:12:33-05:00", "2025-01-15T09:12:33"), "timestamp_without_offset", "$.transactions[0].timestamp", "\"2025-01-15T09:12:33\"", "T-1"),
        ["timestamp_date_only"] = new(Swap("2025-01-15T09:12:33-05:00", "2025-01-15"), "timestamp_without_offset", "$.transactions[0].timestamp", null, "T-1"),
        ["timestamp_other_date"] = new(Swap("2025-01-15T09:12:33-05:00", "2025-01-16T09:12:33-05:00"), "timestamp_outside_business_date", "$.transactions[0].timestamp", "\"2025-01-16T", "T-1"),
        ["timestamp_other_date_in_time_zone"] = new(Swap("\"currency\":\"USD\"", "\"currency\":\"USD\",\"time_zone\":\"America/New_York\"").Replace("2025-01-15T09:12:33-05:00", "2025-01-15T03:00:00Z", StringComparison.Ordinal),
                                                     "timestamp_outside_business_date", "$.transactions[0].timestamp", null, "T-1"),
        ["timestamp_future"] = new(Swap("2025-01-15", "2025-02-01").Replace("2025-01-15T09:12:33-05:00", "2025-02-01T12:06:00Z", StringComparison.Ordinal),
                                    "future_timestamp", "$.transactions[0].timestamp", "\"2025-02-01T12", "T-1"),
        ["payment_method_empty"] = new(Swap("\"card\"", "\"\""), "empty_string", "$.transactions[0].payment_method", null, "T-1"),
        ["payment_method_too_long"] = new(Swap("\"card\"", "\"" + new string('p', 33) + "\""), "string_too_long", "$.transactions[0].payment_method"),
        ["items_empty"] = new(Swap(Valid[Valid.IndexOf("[{\"sku", StringComparison.Ordinal)..], "[]}]}"), "empty_items", "$.transactions[0].items", null, "T-1"),
        ["items_missing"] = new(Swap(",\"items\":" + Valid[Valid.IndexOf("[{\"sku", StringComparison.Ordinal)..], "}]}"), "missing_field", "$.transactions[0].items", null, "T-1"),
        ["sku_missing"] = new(Swap("\"sku\":\"SKU-1\",", ""), "missing_field", Item + ".sku", null, "T-1"),
        ["sku_too_long"] = new(Swap("SKU-1", new string('k', 65)), "string_too_long", Item + ".sku"),
        ["name_empty"] = new(Swap("\"Beans\"", "\"\""), "empty_string", Item + ".name", "\"\""),
        ["name_too_long"] = new(Swap("Beans", new string('b', 257)), "string_too_long", Item + ".name"),
        ["name_multibyte_too_long"] = new(Swap("Beans", new string('é', 257)), "string_too_long", Item + ".name"),
        ["name_control_character"] = new(Swap("Beans", "Be\\u0007ans"), "control_character", Item + ".name", "\"Be\\u0007"),
        ["name_lone_surrogate"] = new(Swap("Beans", "Be\\ud800ans"), "invalid_utf8", Item + ".name", "\"Be\\ud800"),
        ["timestamp_lone_surrogate"] = new(Swap("2025-01-15T09:12:33-05:00", "2025-01-15T09:12:33\\udc00"), "invalid_timestamp", "$.transactions[0].timestamp", "\"2025-01-15T09:12:33\\udc00", "T-1"),
        ["category_empty"] = new(Swap("\"Coffee\"", "\"\""), "empty_string", Item + ".category"),
        ["quantity_negative"] = new(Swap("\"quantity\":2", "\"quantity\":-2"), "non_positive_quantity", Item + ".quantity", "-2", "T-1"),
        ["quantity_zero"] = new(Swap("\"quantity\":2", "\"quantity\":0"), "non_positive_quantity", Item + ".quantity", "0,\"unit"),
        ["quantity_fraction"] = new(Swap("\"quantity\":2", "\"quantity\":2.5"), "quantity_not_integer", Item + ".quantity", "2.5"),
        ["quantity_exponent"] = new(Swap("\"quantity\":2", "\"quantity\":1e2"), "quantity_not_integer", Item + ".quantity", "1e2"),
        ["quantity_too_large"] = new(Swap("\"quantity\":2", "\"quantity\":1000001"), "quantity_too_large", Item + ".quantity", "1000001"),
        ["quantity_string"] = new(Swap("\"quantity\":2", "\"quantity\":\"2\""), "wrong_type", Item + ".quantity", "\"2\""),
        ["unit_price_negative"] = new(Swap("18.50", "-1"), "negative_price", Item + ".unit_price", "-1,"),
        ["unit_price_five_decimals"] = new(Swap("18.50", "1.23456"), "price_too_precise", Item + ".unit_price", "1.23456"),
        ["unit_price_too_large"] = new(Swap("18.50", "1000000.01"), "price_too_large", Item + ".unit_price"),
        ["unit_price_beyond_decimal"] = new(Swap("18.50", "1e30"), "number_out_of_range", Item + ".unit_price", "1e30"),
        ["unit_price_null"] = new(Swap("18.50", "null"), "wrong_type", Item + ".unit_price", "null"),
        ["discount_negative"] = new(Swap("\"discount\":0.00", "\"discount\":-0.5"), "negative_discount", Item + ".discount", "-0.5"),
        ["discount_five_decimals"] = new(Swap("\"discount\":0.00", "\"discount\":0.00001"), "discount_too_precise", Item + ".discount", "0.00001"),
        ["discount_above_line"] = new(Swap("\"discount\":0.00", "\"discount\":37.01"), "discount_exceeds_line", Item + ".discount", "37.01", "T-1"),
        ["discount_above_line_written_first"] = new(Swap("{\"sku\":\"SKU-1\"", "{\"discount\":40,\"sku\":\"SKU-1\"").Replace(",\"discount\":0.00", "", StringComparison.Ordinal),
                                                     "discount_exceeds_line", Item + ".discount", "40", "T-1"),
        ["returns_in_version_1"] = new(Valid[..^1] + ",\"returns\":[]}", "returns_need_version_2", "$.returns", "[]}"),
        ["version_2_empty_store_day"] = new("""{"schema_version":2,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[],"returns":[]}""", "empty_store_day", "$", "}"),
        ["version_2_without_receipts"] = new("""{"schema_version":2,"store_id":"s","business_date":"2025-01-15","currency":"USD"}""", "empty_store_day", "$", "}"),
        ["returns_not_array"] = new(SwapReturn(ValidWithReturns[ValidWithReturns.IndexOf("[{\"return_id", StringComparison.Ordinal)..], "{}}"), "wrong_type", "$.returns", "{}}"),
        ["field_after_returns"] = new(SwapReturn("\"currency\":\"USD\",", "")[..^1] + ",\"currency\":\"USD\"}", "field_after_transactions", "$.currency", "\"USD\"}"),
        ["return_not_object"] = new(SwapReturn(ValidWithReturns[ValidWithReturns.IndexOf("[{\"return_id", StringComparison.Ordinal)..], "[1]}"), "wrong_type", "$.returns[0]", "1]}"),
        ["return_id_missing"] = new(SwapReturn("\"return_id\":\"R-1\",", ""), "missing_field", Return + ".return_id"),
        ["return_id_empty"] = new(SwapReturn("\"R-1\"", "\"\""), "empty_string", Return + ".return_id"),
        ["return_id_duplicate"] = new(SwapReturn("]}]}", SecondReturn), "duplicate_return_id", "$.returns[1].return_id", "\"R-1\",\"timestamp\":\"2025-01-15T17", "R-1"),
        ["return_unknown_field"] = new(SwapReturn("\"return_id\"", "\"refund_id\""), "unknown_field", Return + ".refund_id", "\"refund_id\""),
        ["return_timestamp_other_date"] = new(SwapReturn("2025-01-15T16:40:00-05:00", "2025-01-16T16:40:00-05:00"), "timestamp_outside_business_date", Return + ".timestamp", "\"2025-01-16T", "R-1"),
        ["return_payment_method_missing"] = new(SwapReturn("\"payment_method\":\"cash\",", ""), "missing_field", Return + ".payment_method", null, "R-1"),
        ["return_items_empty"] = new(SwapReturn("[{\"sku\":\"SKU-1\",\"name\":\"Beans\",\"category\":\"Coffee\",\"quantity\":1,\"unit_price\":18.50}]", "[]"), "empty_items", Return + ".items", null, "R-1"),
        ["return_quantity_negative"] = new(SwapReturn("\"quantity\":1,", "\"quantity\":-1,"), "non_positive_quantity", Return + ".items[0].quantity", "-1,", "R-1"),
        ["return_unit_price_negative"] = new(SwapReturn("\"unit_price\":18.50}]}]}", "\"unit_price\":-18.50}]}]}"), "negative_price", Return + ".items[0].unit_price", "-18.50}", "R-1"),
        ["return_discount_above_line"] = new(SwapReturn("\"unit_price\":18.50}]}]}", "\"unit_price\":18.50,\"discount\":18.51}]}]}"), "discount_exceeds_line", Return + ".items[0].discount", "18.51", "R-1"),
        ["return_original_unknown"] = new(SwapReturn("{\"transaction_id\":\"T-1\",\"business_date", "{\"transaction_id\":\"T-9\",\"business_date"), "unknown_original_transaction", Return + ".original.transaction_id", "\"T-9\"", "R-1"),
        ["return_original_after_return"] = new(SwapReturn("\"business_date\":\"2025-01-15\"}", "\"business_date\":\"2025-01-16\"}"), "original_after_return", Return + ".original.business_date", "\"2025-01-16\"}", "R-1"),
        ["return_original_date_invalid"] = new(SwapReturn("\"business_date\":\"2025-01-15\"}", "\"business_date\":\"15/01/2025\"}"), "invalid_business_date", Return + ".original.business_date", "\"15/01/2025\"", "R-1"),
        ["return_original_date_missing"] = new(SwapReturn(",\"business_date\":\"2025-01-15\"}", "}"), "missing_field", Return + ".original.business_date", null, "R-1"),
        ["return_original_store_invalid"] = new(SwapReturn("\"business_date\":\"2025-01-15\"}", "\"business_date\":\"2025-01-15\",\"store_id\":\"store 1\"}"), "invalid_store_id", Return + ".original.store_id", "\"store 1\"", "R-1"),
        ["return_original_not_object"] = new(SwapReturn("{\"transaction_id\":\"T-1\",\"business_date\":\"2025-01-15\"}", "\"T-1\""), "wrong_type", Return + ".original", "\"T-1\",\"items", "R-1"),
        ["exported_at_in_version_1"] = new(Swap("\"currency\":\"USD\",", "\"currency\":\"USD\",\"exported_at\":\"2025-01-15T21:00:00Z\","), "field_needs_version_2", "$.exported_at", "\"2025-01-15T21"),
        ["action_before_version_1"] = new(Valid.Replace("{\"schema_version\":1,", "{\"action\":\"replace\",\"schema_version\":1,", StringComparison.Ordinal), "field_needs_version_2", "$.schema_version", "1,\"store_id"),
        ["exported_at_without_offset"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"exported_at\":\"2025-01-15T21:00:00\","), "timestamp_without_offset", "$.exported_at", "\"2025-01-15T21"),
        ["exported_at_not_a_time"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"exported_at\":\"yesterday\","), "invalid_timestamp", "$.exported_at", "\"yesterday\""),
        ["exported_at_in_the_future"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"exported_at\":\"2999-01-01T00:00:00Z\","), "future_timestamp", "$.exported_at", "\"2999-"),
        ["exported_at_after_receipts"] = new(ValidWithReturns[..^1] + ",\"exported_at\":\"2025-01-15T21:00:00Z\"}", "field_after_transactions", "$.exported_at", "\"2025-01-15T21"),
        ["action_unknown"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"action\":\"delete\","), "invalid_action", "$.action", "\"delete\""),
        ["action_not_text"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"action\":1,"), "wrong_type", "$.action", "1,"),
        ["withdrawal_with_receipts"] = new(SwapReturn("\"currency\":\"USD\",", "\"currency\":\"USD\",\"action\":\"withdraw\","), "withdrawal_with_receipts", "$"),
        ["multiline_array_problem"] = new("[\n  " + Valid.Replace("\"quantity\":2", "\n      \"quantity\": 0", StringComparison.Ordinal) + "\n]",
                                           "non_positive_quantity", "$[0].transactions[0].items[0].quantity", "0,", "T-1"),
    };

    public static TheoryData<string> Names => [.. Cases.Keys];

    private static string Swap(string from, string to)
    {
        Assert.Contains(from, Valid, StringComparison.Ordinal);
        var at = Valid.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(Valid.AsSpan(0, at), to, Valid.AsSpan(at + from.Length));
    }

    /// <summary><see cref="ValidWithReturns"/> with the <b>last</b> occurrence of <paramref name="from"/> replaced
    /// (the return's fields come after the sale's fields of the same names).</summary>
    private static string SwapReturn(string from, string to)
    {
        Assert.Contains(from, ValidWithReturns, StringComparison.Ordinal);
        var at = ValidWithReturns.LastIndexOf(from, StringComparison.Ordinal);
        return string.Concat(ValidWithReturns.AsSpan(0, at), to, ValidWithReturns.AsSpan(at + from.Length));
    }
}
