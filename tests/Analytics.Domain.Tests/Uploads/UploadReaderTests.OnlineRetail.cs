using Analytics.Testing;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Domain.Tests.Uploads;

public sealed partial class UploadReaderTests
{
    [SharedDataFact]
    public async Task ReadAsync_AllOnlineRetailDays_MatchExpectedFigures()
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFolder.Path("datasets", "online-retail"), "expected.json")));
        var reader = new UploadReader(new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)),
                                      Options.Create(new UploadOptions()));
        var summaries = new Dictionary<(string, DateOnly), SalesTotals>();
        var files = Directory.GetFiles(Path.Combine(SharedFolder.Path("datasets", "online-retail"), "days"), "*.json.gz");
        Assert.Equal(305, files.Length);
        long units = 0;
        var transactions = 0;
        var net = 0m;
        foreach (var file in files)
        {
            await using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            var result = await reader.ReadAsync(gzip, Path.GetFileName(file), (c, _) =>
            {
                summaries.Add((c.Summary.StoreId, c.Summary.BusinessDate), c.Summary.Totals);
                return ValueTask.CompletedTask;
            }, CancellationToken.None);
            Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Problems)}");
            (units, transactions, net) = (units + result.Units, transactions + result.Transactions, net + result.NetRevenue);
        }

        var storeDays = expected.RootElement.GetProperty("store_days");
        Assert.Equal(storeDays.GetArrayLength(), summaries.Count);
        foreach (var day in storeDays.EnumerateArray())
        {
            var key = (day.GetProperty("store_id").GetString()!, DateOnly.Parse(day.GetProperty("business_date").GetString()!, CultureInfo.InvariantCulture));
            var totals = summaries[key];
            Assert.Equal(
                (Money(day, "net_revenue"), day.GetProperty("transactions").GetInt32(), day.GetProperty("units").GetInt64(), day.GetProperty("lines").GetInt32()),
                (totals.NetRevenue, totals.Transactions, totals.Units, totals.Lines));
        }

        var grand = expected.RootElement.GetProperty("totals");
        Assert.Equal(Money(grand, "net_revenue"), net);
        Assert.Equal(grand.GetProperty("transactions").GetInt32(), transactions);
        Assert.Equal(grand.GetProperty("units").GetInt64(), units);
        Assert.Equal(grand.GetProperty("lines").GetInt32(), summaries.Values.Sum(s => s.Lines));
        Assert.Equal(grand.GetProperty("store_days").GetInt32(), summaries.Count);
    }

    private static decimal Money(JsonElement element, string name) =>
        decimal.Parse(element.GetProperty(name).GetString()!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
