using Analytics.Testing;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests;

/// <summary>A real retailer's year (UCI Online Retail, in our upload format) through `analytics upload`, checked to the penny.</summary>
[Collection(nameof(SerialConsole))]
public sealed class OnlineRetailTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [SharedDataFact]
    public async Task Upload_EveryDayOfTheYear_ChainHistoryEqualsTheExpectedFigures()
    {
        var files = new List<string>();
        foreach (var gz in Directory.GetFiles(SharedFolder.Path("datasets", "online-retail", "days"), "*.json.gz").Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(_cli.Root.FullName, Path.GetFileNameWithoutExtension(gz));
            await using (var source = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress))
            await using (var target = File.Create(path))
            {
                await source.CopyToAsync(target);
            }

            files.Add(path);
        }

        var (exitCode, output) = await _cli.RunAsync(["upload", .. files]);

        Assert.True(exitCode == 0, output);
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedFolder.Path("datasets", "online-retail", "expected.json")));
        await using var services = new ServiceCollection().AddLogging().AddEmbeddedAdapters(_cli.DataDirectory).BuildServiceProvider();
        var history = await services.GetRequiredService<ISalesStore>()
            .GetChainHistoryAsync(new DateOnly(2010, 12, 1), new DateOnly(2011, 12, 9), CancellationToken.None);
        var expectedDays = expected.RootElement.GetProperty("chain_daily").EnumerateArray().Select(d => (
            DateOnly.Parse(d.GetProperty("business_date").GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(d.GetProperty("net_revenue").GetString()!, CultureInfo.InvariantCulture),
            d.GetProperty("transactions").GetInt32(),
            d.GetProperty("units").GetInt64(),
            d.GetProperty("stores_trading").GetInt32())).ToList();
        Assert.Equal(305, expectedDays.Count);
        Assert.Equal(expectedDays, history.Select(d => (d.BusinessDate, d.Totals.NetRevenue, d.Totals.Transactions, d.Totals.Units, d.StoresTrading)));
        Assert.Equal(10271433.063m, history.Sum(d => d.Totals.NetRevenue));
    }
}
