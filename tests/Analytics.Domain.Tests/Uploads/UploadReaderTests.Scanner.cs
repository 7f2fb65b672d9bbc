using System.Text;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// The scanner (whole transactions read straight from the bytes) must give exactly what the state machine alone gives:
/// the same figures, and the same problems at the same places. The oracle is the reader with the scanner turned off;
/// files are written by hand and generated at random (<see cref="RandomUpload"/>), and read whole, cut at every byte
/// (a transaction cut by the end of a buffer waits for the next read) and in trickles.
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

    public static TheoryData<string> CutFiles => [.. MalformedUploads.Cases.Keys, "two_store_days", "mixed_shapes", "with_returns", "returns_first"];

    private static byte[] CutFile(string name) => Encoding.UTF8.GetBytes(name switch
    {
        "two_store_days" => TwoStoreDays,
        "mixed_shapes" => MixedShapes,
        "with_returns" => MalformedUploads.ValidWithReturns,
        "returns_first" => ReturnsFirst,
        _ => MalformedUploads.Cases[name].Json,
    });

    [Theory]
    [MemberData(nameof(CutFiles))]
    public async Task ReadAsync_FirstBufferCutAtEveryByte_GivesTheResultOfOneRead(string name)
    {
        var bytes = CutFile(name);
        var whole = Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes)));

        for (var cut = 1; cut < bytes.Length; cut++)
        {
            var read = Render(await UploadReaderHarness.ReadAsync(PacedStream.CutAt(bytes, cut)));
            Assert.True(whole == read, $"cut at byte {cut}:\n{whole}\n{read}");
        }
    }

    [Theory]
    [MemberData(nameof(CutFiles))]
    public async Task ReadAsync_WithTheScanner_GivesWhatTheStateMachineAloneGives(string name)
    {
        var bytes = CutFile(name);

        Assert.Equal(Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false)),
                     Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes))));
    }

    [Theory]
    [InlineData(1, 400)]
    [InlineData(401, 800)]
    public async Task ReadAsync_RandomFiles_GiveWhatTheStateMachineAloneGives(int firstSeed, int lastSeed)
    {
        for (var seed = firstSeed; seed <= lastSeed; seed++)
        {
            var bytes = RandomUpload.Generate(seed);
            var json = Encoding.UTF8.GetString(bytes);
            var expected = Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false));
            var cut = new Random(seed).Next(1, bytes.Length);

            Assert.True(expected == Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes))), $"seed {seed}, read whole:\n{json}");
            Assert.True(expected == Render(await UploadReaderHarness.ReadAsync(PacedStream.CutAt(bytes, cut))), $"seed {seed}, cut at {cut}:\n{json}");
            Assert.True(expected == Render(await UploadReaderHarness.ReadAsync(PacedStream.Trickle(bytes, seed))), $"seed {seed}, trickled:\n{json}");
        }
    }

    [Fact]
    public async Task RandomFiles_ExerciseBothTheScannerAndTheStateMachine()
    {
        // A generator whose files were all valid, or all broken, would let the comparison above pass on half the code.
        var valid = 0;
        var scannedWithWhitespace = 0;
        var validWithReturns = 0;
        for (var seed = 1; seed <= 800; seed++)
        {
            var bytes = RandomUpload.Generate(seed);
            var (result, emitted) = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));
            if (result.IsValid)
            {
                valid++;
                scannedWithWhitespace += bytes.AsSpan().IndexOfAny("\n\t"u8) >= 0 ? 1 : 0;
                validWithReturns += emitted.Any(c => c.Summary.Totals.ReturnTransactions > 0) ? 1 : 0;
            }
        }

        Assert.True(validWithReturns >= 50, $"{validWithReturns} valid files with returns");

        Assert.True(valid is >= 150 and <= 650, $"{valid} of 800 files valid");
        Assert.True(scannedWithWhitespace >= 50, $"{scannedWithWhitespace} valid files with whitespace");
    }

    [Theory]
    [InlineData("compact", "x]}")]
    [InlineData("lines", "x]}")]
    public async Task ReadAsync_MalformedAfterScannedTransactions_ReportsTheFilesLineAndColumn(string layout, string marker)
    {
        var transactions = string.Join(layout == "lines" ? ",\n  " : ",", Enumerable.Range(1, 600).Select(i =>
            $$"""{"transaction_id":"T-{{i}}","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{"sku":"S","name":"N","category":"C","quantity":1,"unit_price":1.5}]}"""));
        var json = $$"""{"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[{{transactions}},x]}""";
        var expected = UploadReaderHarness.LocationOf(json, marker);

        var (result, _) = await UploadReaderHarness.ReadAsync(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("malformed_json", expected.Line, expected.Column), (problem.Code, problem.Line, problem.Column));
    }

    [Theory]
    [InlineData(1000, "")]
    [InlineData(1001, "too_many_categories $.transactions[10].items[0].category")]
    public async Task ReadAsync_CategoriesUpToTheLimit_AreTakenBeyondItReported(int categories, string expected)
    {
        // A hundred new categories a transaction, so the limit is met inside a transaction small enough to be scanned.
        var transactions = Enumerable.Range(0, (categories + 99) / 100).Select(t =>
        {
            var items = Enumerable.Range(t * 100, Math.Min(100, categories - (t * 100))).Select(i =>
                $$"""{"sku":"K","name":"n","category":"c{{i}}","quantity":1,"unit_price":1}""");
            return $$"""{"transaction_id":"T{{t}}","timestamp":"2025-01-15T10:00:00Z","payment_method":"card","items":[{{string.Join(",", items)}}]}""";
        });
        var json = $$"""{"schema_version":1,"store_id":"s","business_date":"2025-01-15","currency":"USD","transactions":[{{string.Join(",", transactions)}}]}""";
        var bytes = Encoding.UTF8.GetBytes(json);

        var read = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(expected, string.Join("; ", read.Result.Problems.Select(p => $"{p.Code} {p.JsonPath}")));
        Assert.Equal(Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false)), Render(read));
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
