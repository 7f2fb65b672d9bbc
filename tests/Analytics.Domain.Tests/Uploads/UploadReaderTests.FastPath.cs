using System.Text;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// The fast path (whole transaction heads and items read straight from the JSON reader) must give exactly what the
/// state machine gives: these tests put the end of the first buffer at every byte, so each transaction head and item
/// is read once cut (by the state machine) and once whole (by the fast path, where it applies).
/// </summary>
public sealed partial class UploadReaderTests
{
    /// <summary>Items in the usual shape and in others: escapes, another field order, an unknown field, no discount.</summary>
    private const string MixedShapes = """
        {"schema_version":1,"store_id":"s-1","business_date":"2025-01-15","currency":"USD","transactions":[
         {"transaction_id":"A","timestamp":"2025-01-15T09:00:00-05:00","payment_method":"card","items":[
          {"sku":"K1","name":"Tea \"green\"","category":"Drinks","quantity":1,"unit_price":2.5,"discount":0},
          {"sku":"K1","name":"Tea \"green\"","category":"Drinks","quantity":2,"unit_price":2.50,"discount":0.5},
          {"sku":"K\u0032","name":"Mug","category":"Home","quantity":1,"unit_price":7,"discount":0},
          {"sku":"K3","name":"Pot","category":"Home","quantity":3,"unit_price":1e1,"discount":1.00000},
          {"sku":"K4","quantity":1,"name":"Spoon","category":"Home","unit_price":0.9999},
          {"sku":"K5","name":"Cup","category":"Home","quantity":1,"unit_price":1,"colour":"red"}]},
         {"transaction_id":"B","payment_method":"cash","timestamp":"2025-01-15T10:00:00-05:00","items":[
          {"sku":"K1","name":"Other name","category":"Drinks","quantity":1,"unit_price":123456789012.1234,"discount":0}]},
         {"transaction_id":"C","timestamp":"2025-01-15T11:00:00Z","payment_method":"c\u0061sh","items":[
          {"sku":"K6","name":"Plate","category":"Home","quantity":1,"unit_price":1234567890123,"discount":2}]},
         {"transaction_id":"A","timestamp":"2025-01-15T12:00:00-05:00","payment_method":"card","items":[
          {"sku":"K1","name":"Tea \"green\"","category":"Drinks","quantity":1,"unit_price":2.5,"discount":3}]}]}
        """;

    public static TheoryData<string> CutFiles => [.. MalformedUploads.Cases.Keys, "two_store_days", "mixed_shapes"];

    [Theory]
    [MemberData(nameof(CutFiles))]
    public async Task ReadAsync_FirstBufferCutAtEveryByte_GivesTheResultOfOneRead(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name switch
        {
            "two_store_days" => TwoStoreDays,
            "mixed_shapes" => MixedShapes,
            _ => MalformedUploads.Cases[name].Json,
        });
        var whole = Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes)));

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var read = Render(await UploadReaderHarness.ReadAsync(PacedStream.CutAt(bytes, cut)));
            Assert.True(whole == read, $"cut at byte {cut}:\n{whole}\n{read}");
        }
    }

    [Fact]
    public async Task ReadAsync_MixedShapes_ReportsTheOddItemsAndAggregatesTheRest()
    {
        var (result, _) = await UploadReaderHarness.ReadAsync(MixedShapes);

        Assert.Equal(
            [
                ("unknown_field", "$.transactions[0].items[5].colour"),
                ("price_too_large", "$.transactions[1].items[0].unit_price"),
                ("price_too_large", "$.transactions[2].items[0].unit_price"),
                ("duplicate_transaction_id", "$.transactions[3].transaction_id"),
                ("discount_exceeds_line", "$.transactions[3].items[0].discount"),
            ],
            result.Problems.Select(p => (p.Code, p.JsonPath)));
        Assert.Equal((4, 9L), (result.Transactions, result.Units));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("7")]
    [InlineData("18.5")]
    [InlineData("18.50")]
    [InlineData("0.0001")]
    [InlineData("999999999999.9999")]
    [InlineData("1000000")]
    [InlineData("123456789012")]
    public void TryParseShort_GivesTheTicksOfTheGeneralWay(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        Assert.True(MoneyTicks.TryParseShort(utf8, out var ticks));
        Assert.True(Utf8Decimal.TryParsePlain(utf8, out var mantissa, out var scale, out var negative));
        Assert.False(negative);
        Assert.True(MoneyTicks.TryFromParts(mantissa, scale, out var expected));
        Assert.Equal(expected, ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1.23456")]
    [InlineData("1.50000")]
    [InlineData("1e2")]
    [InlineData("1234567890123")]
    [InlineData("1.2.3")]
    public void TryParseShort_LeavesOtherTextsToTheGeneralWay(string text) =>
        Assert.False(MoneyTicks.TryParseShort(Encoding.UTF8.GetBytes(text), out _));
}
