using System.Text;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>Runs an <see cref="UploadReader"/> on text or bytes and collects what it emits.</summary>
internal static class UploadReaderHarness
{
    /// <summary>The clock of the hand-written test files: 2025-02-01 12:00 UTC.</summary>
    public static readonly DateTimeOffset Now = new(2025, 2, 1, 12, 0, 0, TimeSpan.Zero);

    /// <param name="scan">False to read with the state machine alone, as the oracle for the scanner.</param>
    public static UploadReader CreateReader(DateTimeOffset? now = null, int maxProblems = 100, bool scan = true) =>
        new(new FakeTimeProvider(now ?? Now), Options.Create(new UploadOptions { MaxProblems = maxProblems })) { Scan = scan };

    public static Task<(UploadReadResult Result, List<StoreDayContribution> Emitted)> ReadAsync(string json, int maxProblems = 100) =>
        ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), maxProblems);

    public static async Task<(UploadReadResult Result, List<StoreDayContribution> Emitted)> ReadAsync(Stream stream, int maxProblems = 100, bool scan = true)
    {
        var emitted = new List<StoreDayContribution>();
        var result = await CreateReader(maxProblems: maxProblems, scan: scan).ReadAsync(stream, "uploads/test.json", (c, _) =>
        {
            emitted.Add(c);
            return ValueTask.CompletedTask;
        }, CancellationToken.None);
        return (result, emitted);
    }

    /// <summary>1-based line and byte column of the first occurrence of <paramref name="marker"/> in <paramref name="json"/>.</summary>
    public static (long Line, long Column) LocationOf(string json, string marker)
    {
        var index = json.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker {marker} not in the file");
        var before = json[..index];
        var lineStart = before.LastIndexOf('\n') + 1;
        return (before.Count(c => c == '\n') + 1, Encoding.UTF8.GetByteCount(before[lineStart..]) + 1);
    }
}
