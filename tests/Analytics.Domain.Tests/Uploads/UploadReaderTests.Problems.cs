using System.Text;

namespace Analytics.Domain.Tests.Uploads;

public sealed partial class UploadReaderTests
{
    [Fact]
    public async Task ReadAsync_ValidBaseOfMalformedCases_IsValid()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(MalformedUploads.Valid);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Single(emitted);
    }

    [Theory]
    [MemberData(nameof(MalformedUploads.Names), MemberType = typeof(MalformedUploads))]
    public async Task ReadAsync_MalformedFile_ReportsCodePathAndLocationAndEmitsNothing(string name)
    {
        var upload = MalformedUploads.Cases[name];

        var (result, emitted) = await UploadReaderHarness.ReadAsync(upload.Json);

        Assert.Empty(emitted);
        Assert.False(result.IsValid);
        var problem = result.Problems[0];
        Assert.Equal((upload.Code, upload.Path), (problem.Code, problem.JsonPath));
        Assert.False(string.IsNullOrWhiteSpace(problem.Message));
        Assert.NotNull(problem.Line);
        Assert.NotNull(problem.Column);
        if (upload.At is not null)
        {
            Assert.Equal(UploadReaderHarness.LocationOf(upload.Json, upload.At), (problem.Line!.Value, problem.Column!.Value));
        }

        if (upload.TransactionId is not null)
        {
            Assert.Equal(upload.TransactionId, problem.TransactionId);
        }
    }

    [Fact]
    public async Task ReadAsync_DocumentedExample_ReportsTheDocumentedProblem()
    {
        const string Json = """
            {"schema_version":1,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD",
             "transactions":[
              {"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card",
               "items":[{"sku":"SKU-1","name":"Beans","category":"Coffee",
                 "quantity":-2,"unit_price":18.50}]}]}
            """;

        var (result, _) = await UploadReaderHarness.ReadAsync(Json);

        Assert.Equal(
            new Domain.Uploads.UploadProblem("non_positive_quantity", "'quantity' must be a positive integer, found -2.",
                                      "$.transactions[0].items[0].quantity", 5, 17, "store-0042", "2025-01-15", "T-1"),
            Assert.Single(result.Problems));
    }

    [Theory]
    [InlineData("1.5e1", "15")]
    [InlineData("18.50000", "18.5")]
    [InlineData("0.0001", "0.0001")]
    public async Task ReadAsync_ExactPriceInAnyNotation_IsAccepted(string written, string value)
    {
        var json = MalformedUploads.Valid.Replace("18.50", written, StringComparison.Ordinal);

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(2 * decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(emitted).Summary.Totals.GrossSales);
    }

    [Fact]
    public async Task ReadAsync_NegativeQuantity_SaysWhatWasFound()
    {
        var (result, _) = await UploadReaderHarness.ReadAsync(MalformedUploads.Cases["quantity_negative"].Json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("'quantity' must be a positive integer, found -2.", problem.Message);
        Assert.Equal(("store-0042", "2025-01-15", "T-1"), (problem.StoreId, problem.BusinessDate, problem.TransactionId));
    }

    [Fact]
    public async Task ReadAsync_MalformedJson_ReportsLineAndColumnOfTheError()
    {
        var (result, _) = await UploadReaderHarness.ReadAsync("{\n  \"schema_version\": 1,\n  \"store_id\": tru\n}");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("malformed_json", 3L), (problem.Code, problem.Line));
        Assert.InRange(problem.Column!.Value, 15, 18);
    }

    [Fact]
    public async Task ReadAsync_SameStoreDayTwice_ReportsDuplicateAfterEmittingTheFirst()
    {
        var json = "[" + MalformedUploads.Valid + ",\n" + MalformedUploads.Valid + "]";

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.Single(emitted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("duplicate_store_day", "$[1].business_date", 2L), (problem.Code, problem.JsonPath, problem.Line));
    }

    [Fact]
    public async Task ReadAsync_FiftyOnePaymentMethods_ReportsStorageLimit()
    {
        var json = StoreDayWith(Enumerable.Range(0, 51).Select(i =>
            $$"""{"transaction_id":"T{{i}}","timestamp":"2025-01-15T10:00:00Z","payment_method":"m{{i}}","items":[{"sku":"1","name":"n","category":"c","quantity":1,"unit_price":1}]}"""));

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.Empty(emitted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("too_many_payment_methods", "$.transactions[50].payment_method", "T50"), (problem.Code, problem.JsonPath, problem.TransactionId));
    }

    [Fact]
    public async Task ReadAsync_ThousandAndOneCategories_ReportsStorageLimit()
    {
        var items = string.Join(",", Enumerable.Range(0, 1001).Select(i => $$"""{"sku":"1","name":"n","category":"c{{i}}","quantity":1,"unit_price":1}"""));
        var json = StoreDayWith([$$"""{"transaction_id":"T","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{{items}}]}"""]);

        var (result, emitted) = await UploadReaderHarness.ReadAsync(json);

        Assert.Empty(emitted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("too_many_categories", "$.transactions[0].items[1000].category"), (problem.Code, problem.JsonPath));
    }

    private static string StoreDayWith(IEnumerable<string> transactions) => new StringBuilder()
        .Append("""{"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[""")
        .AppendJoin(",\n", transactions)
        .Append("]}")
        .ToString();
}
