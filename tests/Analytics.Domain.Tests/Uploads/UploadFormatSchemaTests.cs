using Analytics.Testing;
using System.IO.Compression;
using System.Text.Json;
using Json.Schema;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>docs/upload-format.schema.json agrees with the reader on what a schema can express.</summary>
public sealed class UploadFormatSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(SharedFolder.Repository, "docs", "upload-format.schema.json"))));

    public static TheoryData<string> Invalid => new()
    {
        "quantity_negative", "quantity_fraction", "unknown_field_typo", "currency_unknown", "store_id_space",
        "transactions_empty", "items_empty", "unit_price_five_decimals", "timestamp_without_offset", "name_control_character",
        "schema_version_3", "sku_missing", "empty_array", "root_number", "transaction_id_too_long", "business_date_before_2000",
        "returns_in_version_1", "version_2_empty_store_day", "version_2_without_receipts", "return_id_missing",
        "return_quantity_negative", "return_unit_price_negative", "return_items_empty", "return_original_date_missing",
        "return_original_store_invalid", "return_unknown_field", "exported_at_in_version_1", "action_before_version_1",
        "exported_at_without_offset", "exported_at_not_a_time", "action_unknown", "action_not_text", "withdrawal_with_receipts",
    };

    [Fact]
    public void Evaluate_HandWrittenSample_IsValid()
    {
        Assert.True(IsValid(UploadReaderTests.TwoStoreDays));
        Assert.True(IsValid(MalformedUploads.Valid));
    }

    [Fact]
    public void Evaluate_VersionTwoWithReturns_IsValid()
    {
        Assert.True(IsValid(MalformedUploads.ValidWithReturns));
        Assert.True(IsValid(UploadReaderTests.ReturnsFirst));
    }

    [Fact]
    public void Evaluate_ExportTimeReplacementAndWithdrawal_IsValid() => Assert.True(IsValid(UploadReaderTests.ReplaceAndWithdraw));

    [SharedDataFact]
    public void Evaluate_OnlineRetailDay_IsValid()
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(SharedFolder.Path("datasets", "online-retail"), "days", "2011-06-15.json.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);

        Assert.True(IsValid(reader.ReadToEnd()));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Evaluate_MalformedUpload_IsInvalid(string name) => Assert.False(IsValid(MalformedUploads.Cases[name].Json));

    private static bool IsValid(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid;
    }
}
