using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Tests.Uploads;

public sealed partial class UploadReaderTests
{
    public static TheoryData<string> StreamingFiles => [.. MalformedUploads.Cases.Keys, "two_store_days", "many_lines"];

    [Theory]
    [MemberData(nameof(StreamingFiles))]
    public async Task ReadAsync_TrickledOneToSevenBytes_GivesTheResultOfOneRead(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name switch
        {
            "two_store_days" => TwoStoreDays,
            "many_lines" => TwoStoreDays.Replace("\"quantity\":", "\n\"quantity\":\n-", StringComparison.Ordinal),
            _ => MalformedUploads.Cases[name].Json,
        });
        var whole = Render(await UploadReaderHarness.ReadAsync(new MemoryStream(bytes)));

        for (var seed = 1; seed <= 8; seed++)
        {
            var trickled = Render(await UploadReaderHarness.ReadAsync(PacedStream.Trickle(bytes, seed)));
            Assert.Equal(whole, trickled);
        }
    }

    /// <summary>Everything the reader produced, as text: problems with their locations, counts and every emitted summary.</summary>
    private static string Render((Domain.Uploads.UploadReadResult Result, List<Sales.StoreDayContribution> Emitted) read) =>
        JsonSerializer.Serialize(new { read.Result, read.Result.Problems, read.Emitted });
}
