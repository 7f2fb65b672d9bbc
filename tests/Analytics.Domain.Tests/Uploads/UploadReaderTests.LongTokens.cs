using System.Text;
using System.Text.Json.Nodes;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>Tokens longer than the reader's buffer may grow: reported where they start, never held, never thrown.</summary>
public sealed partial class UploadReaderTests
{
    [Fact]
    public async Task ReadAsync_300MegabyteName_UnderA128MegabyteHeap_IsStringTooLongAtTheNameWithoutRunningOutOfMemory()
    {
        // A 1 GB Lambda gives .NET a 768 MB heap; 128 MB is far less, and holding the name (a buffer grown to 512 MB)
        // would not fit in it.
        const long HeapLimit = 128L * 1024 * 1024;
        var (exitCode, output, errors) = await LongTokenProbe.RunInChildAsync(megabytes: 300, HeapLimit);

        Assert.True(exitCode == 0, $"exit code {exitCode}: {errors}");
        var result = JsonNode.Parse(output)!;
        Assert.InRange((long)result["heapLimit"]!, 1, HeapLimit);
        var (prefix, suffix) = LongTokenProbe.Parts();
        Assert.Equal(prefix.Length + 300L * 1024 * 1024 + suffix.Length, (long)result["bytes"]!);
        Assert.Equal(0, (int)result["emitted"]!);
        Assert.Equal(1, (int)result["totalProblems"]!);
        var problem = result["problems"]![0]!;
        Assert.Equal(UploadProblemCodes.StringTooLong, (string?)problem["code"]);
        Assert.Equal("$.transactions[0].items[0].name", (string?)problem["path"]);
        Assert.Equal(1, (long)problem["line"]!);
        Assert.Equal(prefix.Length, (long)problem["column"]!); // the opening quote, the prefix's last byte
        Assert.Contains("rest of the file is not read", (string?)problem["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("category", "n", "string_too_long", "$.transactions[0].items[0].category", "'category' is a string")]
    [InlineData("quantity", "7", "number_out_of_range", "$.transactions[0].items[0].quantity", "'quantity' is a number")]
    [InlineData("notes", "n", "string_too_long", "$.transactions[0].items[0]", "A field's value is a string")]
    public async Task ReadAsync_ValueLongerThanTheLongestToken_IsReportedAtItsStartAndEndsTheReading(
        string field, string filler, string code, string path, string message)
    {
        // Swaps the item's "category" field for the field under test (an unknown field is reported first), whose value
        // is one byte past the limit.
        var json = MalformedUploads.Valid.Replace("\"category\":\"Coffee\",", "\n  \"" + field + "\": " + (filler == "n" ? "\"" : "") + "@", StringComparison.Ordinal);
        var at = json.IndexOf('@', StringComparison.Ordinal);
        var prefix = Encoding.UTF8.GetBytes(json[..at]);
        var suffix = Encoding.UTF8.GetBytes((filler == "n" ? "\"," : ",") + json[(at + 1)..]);
        var stream = new GeneratedStream(prefix, (byte)filler[0], UploadLimits.MaxTokenBytes, suffix);

        var (result, emitted) = await UploadReaderHarness.ReadAsync(stream);

        var problem = result.Problems[^1];
        Assert.Equal(field == "notes" ? [UploadProblemCodes.UnknownField, code] : [code], result.Problems.Select(p => p.Code));
        Assert.Equal(code, problem.Code);
        Assert.Equal(path, problem.JsonPath);
        var start = json.LastIndexOf(": ", at, StringComparison.Ordinal) + 2;
        Assert.Equal((2L, start - json.LastIndexOf('\n', start)), (problem.Line, problem.Column));
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
        Assert.Equal(result.Problems.Count, result.TotalProblems);
        Assert.Equal(stream.Length, result.Bytes);
        Assert.Empty(emitted);
    }

    [Fact]
    public async Task ReadAsync_FieldNameLongerThanTheLongestToken_IsReportedAtItsStart()
    {
        var json = MalformedUploads.Valid.Replace("\"category\"", "\n\"@", StringComparison.Ordinal);
        var at = json.IndexOf('@', StringComparison.Ordinal);
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes(json[..at]), (byte)'c', UploadLimits.MaxTokenBytes,
                                         Encoding.UTF8.GetBytes("\"" + json[(at + 1)..]));

        var (result, _) = await UploadReaderHarness.ReadAsync(stream);

        var problem = Assert.Single(result.Problems);
        Assert.Equal((UploadProblemCodes.StringTooLong, 2L, 1L), (problem.Code, problem.Line, problem.Column));
        Assert.StartsWith("A field name or string", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_NameJustShorterThanTheLongestToken_IsTheOrdinaryProblemAndReadingGoesOn()
    {
        var name = new string('n', UploadLimits.MaxTokenBytes - 1000);
        var json = MalformedUploads.Valid.Replace("Beans", name, StringComparison.Ordinal).Replace("\"quantity\":2", "\"quantity\":0", StringComparison.Ordinal);

        var (result, _) = await UploadReaderHarness.ReadAsync(json);

        Assert.Equal([UploadProblemCodes.StringTooLong, UploadProblemCodes.NonPositiveQuantity], result.Problems.Select(p => p.Code));
        Assert.Contains($"found {name.Length} bytes", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WhitespaceLongerThanTheLongestToken_IsNoToken()
    {
        var json = MalformedUploads.Valid;
        var stream = new GeneratedStream(Encoding.UTF8.GetBytes(json[..^1]), (byte)' ', 2 * UploadLimits.MaxTokenBytes, "}"u8.ToArray());

        var (result, emitted) = await UploadReaderHarness.ReadAsync(stream);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Single(emitted);
    }
}
