using System.Text;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// The scanner (whole transactions and returns read straight from the bytes) must give exactly what the state machine alone gives:
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

    /// <summary>
    /// Returns in the scanner's shape, each but four breaking one rule of a return; the valid ones refund a sale of
    /// another day, nothing named and a sale of another store the same day. refund
    /// sales of this very store-day, which the state machine reads (it looks for them when the store-day ends).
    /// </summary>
    private const string ReturnRules = """
        {"schema_version":2,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD","transactions":[
         {"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":18.50}]}],
         "returns":[
         {"return_id":"R-1","timestamp":"2025-01-15T10:00:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-01-10"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-2","timestamp":"2025-01-15T10:01:00-05:00","payment_method":"cash","items":[{"sku":"SKU-2","name":"Mug","category":"Home","quantity":1,"unit_price":4,"discount":0.5}]},
         {"return_id":"R-3","timestamp":"2025-01-15T10:02:00-05:00","payment_method":"card","original":{"transaction_id":"X-1","business_date":"2025-01-15","store_id":"store-0043"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-4","timestamp":"2025-01-15T10:03:00-05:00","payment_method":"card","original":{"transaction_id":"T-1","business_date":"2025-01-15","store_id":"store-0042"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-5","timestamp":"2025-01-15T10:04:00-05:00","payment_method":"card","original":{"transaction_id":"T-9","business_date":"2025-01-15"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-2","timestamp":"2025-01-15T10:05:00-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-6","timestamp":"2025-01-16T10:06:00-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-8","timestamp":"2025-01-15T10:08:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-01-16"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-9","timestamp":"2025-01-15T10:09:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-02-30"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-10","timestamp":"2025-01-15T10:10:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-01-10","store_id":"store 1"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-11","timestamp":"2025-01-15T10:11:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-01-10","store_id":"-store"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-12","timestamp":"2025-01-15T10:12:00-05:00","payment_method":"card","original":{"transaction_id":"","business_date":"2025-01-10"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-13-ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZ","timestamp":"2025-01-15T10:13:00-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-14","timestamp":"2025-01-15T10:14:00-05:00","payment_method":"card","original":{"transaction_id":"T-0","business_date":"2025-01-10","till":"3"},"items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":1,"unit_price":18.50}]},
         {"return_id":"R-15","timestamp":"2025-01-15T10:15:00-05:00","payment_method":"voucher","items":[{"sku":"SKU-3","name":"Tea","category":"Drinks","quantity":3,"unit_price":2}]},
         {"return_id":"R-16","timestamp":"2025-01-15T10:16:00-05:00","payment_method":"card","items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":0,"unit_price":18.50}]}]}
        """;

    public static TheoryData<string> CutFiles => [.. MalformedUploads.Cases.Keys, "two_store_days", "mixed_shapes", "with_returns", "returns_first", "return_rules"];

    private static byte[] CutFile(string name) => Encoding.UTF8.GetBytes(name switch
    {
        "two_store_days" => TwoStoreDays,
        "mixed_shapes" => MixedShapes,
        "with_returns" => MalformedUploads.ValidWithReturns,
        "returns_first" => ReturnsFirst,
        "return_rules" => ReturnRules,
        _ => MalformedUploads.Cases[name].Json,
    });

    [Fact]
    public async Task ReadAsync_ReturnsBreakingEachRule_AreLeftToTheStateMachineWhichReportsThem()
    {
        var bytes = Encoding.UTF8.GetBytes(ReturnRules);

        var read = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));

        Assert.Equal(
            [
                ("duplicate_return_id", "$.returns[5].return_id"),
                ("timestamp_outside_business_date", "$.returns[6].timestamp"),
                ("original_after_return", "$.returns[7].original.business_date"),
                ("invalid_business_date", "$.returns[8].original.business_date"),
                ("invalid_store_id", "$.returns[9].original.store_id"),
                ("invalid_store_id", "$.returns[10].original.store_id"),
                ("empty_string", "$.returns[11].original.transaction_id"),
                ("string_too_long", "$.returns[12].return_id"),
                ("unknown_field", "$.returns[13].original.till"),
                ("non_positive_quantity", "$.returns[15].items[0].quantity"),
                ("unknown_original_transaction", "$.returns[4].original.transaction_id"),
            ],
            read.Result.Problems.Select(p => (p.Code, p.JsonPath)));
        // The four valid returns in the usual shape were scanned; every other one was handed to the state machine.
        Assert.Equal((1L, 4L, 12L), read.Result.Scanned);
        Assert.Equal(Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false)), Render(read));
    }

    [Fact]
    public async Task ReadAsync_GeneratedReturns_AreAllTakenByTheScanner()
    {
        var bytes = Encoding.UTF8.GetBytes(MalformedUploads.ValidWithReturns.Replace(
            "\"business_date\":\"2025-01-15\"}", "\"business_date\":\"2025-01-08\",\"store_id\":\"store-0042\"}", StringComparison.Ordinal));

        var read = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));

        Assert.True(read.Result.IsValid);
        Assert.Equal((1L, 1L, 0L), read.Result.Scanned);
        Assert.Equal(Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false)), Render(read));
    }

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
        long scannedReturns = 0;
        long returnsNotScanned = 0;
        for (var seed = 1; seed <= 800; seed++)
        {
            var bytes = RandomUpload.Generate(seed);
            var (result, emitted) = await UploadReaderHarness.ReadAsync(new MemoryStream(bytes));
            scannedReturns += result.Scanned.Returns;
            returnsNotScanned += Encoding.UTF8.GetString(bytes).Split("\"return_id\"").Length - 1 - result.Scanned.Returns;
            if (result.IsValid)
            {
                valid++;
                scannedWithWhitespace += bytes.AsSpan().IndexOfAny("\n\t"u8) >= 0 ? 1 : 0;
                validWithReturns += emitted.Any(c => c.Summary.Totals.ReturnTransactions > 0) ? 1 : 0;
            }
        }

        Assert.True(validWithReturns >= 50, $"{validWithReturns} valid files with returns");
        Assert.True(scannedReturns >= 300, $"{scannedReturns} returns scanned");
        Assert.True(returnsNotScanned >= 100, $"{returnsNotScanned} returns not scanned");

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
