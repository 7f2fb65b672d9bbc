using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// Hostile values in every field: whatever a file holds, the reader answers with problems and never throws, and the
/// scanner still agrees with the state machine.
/// </summary>
public sealed partial class UploadReaderTests
{
    private static readonly string[] HostileValues =
    [
        "1e400", "-1e400", "1E+308", "4.9e-324", "0.00000000000000000000001", "99999999999999999999999999999",
        "-0", "-0.0", "0e0", "123456789012.12345", "9223372036854775808", "-9223372036854775809", "1.0000000000000000000000000001",
        "null", "true", "false", "[]", "{}", "[1,[2,[3]]]", "{\"a\":{\"b\":[]}}",
        "\"\"", "\" \"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud83d\\ude00\"", "\"\\u0000\"", "\"\\\\\"", "\"\\/\"",
        "\"2025-01-15T25:00:00Z\"", "\"2025-01-15T09:00:00+14:01\"", "\"9999-12-31T23:59:59-14:00\"", "\"0001-01-01T00:00:00+14:00\"",
        "\"2025-01-15T09:00:00.1234567891Z\"", "\"\u202Eevil\"", "\"" + new string('x', 5000) + "\"", "\"" + string.Concat(Enumerable.Repeat("\u00e9", 300)) + "\"",
    ];

    [GeneratedRegex("""(?<=:)("(?:[^"\\]|\\.)*"|-?[0-9][0-9.eE+-]*)""")]
    private static partial Regex FieldValue();

    [Fact]
    public async Task ReadAsync_HostileValues_AreReportedNeverThrownAndTheScannerAgrees()
    {
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            var json = Encoding.UTF8.GetString(RandomUpload.Generate(10_000 + i));
            var values = FieldValue().Matches(json);
            if (values.Count == 0)
            {
                continue; // a file cut before its first value
            }

            var chosen = values[random.Next(values.Count)];
            var hostile = json[..chosen.Index] + HostileValues[random.Next(HostileValues.Length)] + json[(chosen.Index + chosen.Length)..];
            var bytes = Encoding.UTF8.GetBytes(hostile);

            var expected = Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes), scan: false));
            Assert.True(expected == Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes))), $"file {i}:\n{hostile}");
        }
    }
}
