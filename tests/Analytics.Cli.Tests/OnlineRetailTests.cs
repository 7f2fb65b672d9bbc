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
        var files = await UnzipDaysAsync();
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

    [SharedDataFact(Skip = "Interim: until ProcessUpload recomputes store-days from the ledger (issue 12, upstream half), each file is stored as revision 1 of its own upload, so two files of one store-day do not add up. Remove this Skip with that change.")]
    public async Task Upload_EveryDayAndItsReturns_EveryStoreDayEqualsTheExpectedFiguresWithReturns()
    {
        var days = await UnzipDaysAsync();
        var returns = await OnlineRetailReturns.WriteUploadFilesAsync(
            SharedFolder.Path("datasets", "online-retail", "returns.ndjson"), _cli.Root.FullName);

        var (exitCode, output) = await _cli.RunAsync(["upload", .. days, .. returns]);

        Assert.True(exitCode == 0, output);
        using var expected = JsonDocument.Parse(File.ReadAllText(SharedFolder.Path("datasets", "online-retail", "expected-returns.json")));
        var expectedStoreDays = expected.RootElement.GetProperty("store_days").EnumerateArray().Select(d => (
            d.GetProperty("business_date").GetString()!, d.GetProperty("store_id").GetString()!,
            decimal.Parse(d.GetProperty("sales").GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(d.GetProperty("returns").GetString()!, CultureInfo.InvariantCulture),
            decimal.Parse(d.GetProperty("net_after_returns").GetString()!, CultureInfo.InvariantCulture),
            d.GetProperty("return_transactions").GetInt32(), d.GetProperty("return_lines").GetInt32(),
            d.GetProperty("units_returned").GetInt64())).OrderBy(d => d.Item1, StringComparer.Ordinal).ThenBy(d => d.Item2, StringComparer.Ordinal).ToList();
        await using var services = new ServiceCollection().AddLogging().AddEmbeddedAdapters(_cli.DataDirectory).BuildServiceProvider();
        var store = services.GetRequiredService<ISalesStore>();
        var stored = new List<(string, string, decimal, decimal, decimal, int, int, long)>();
        foreach (var date in expectedStoreDays.Select(d => d.Item1).Distinct())
        {
            foreach (var day in await store.GetDayAsync(DateOnly.Parse(date, CultureInfo.InvariantCulture), SalesDetail.TotalsOnly, CancellationToken.None))
            {
                var t = day.Totals;
                stored.Add((date, day.StoreId, t.NetSales, t.Returns, t.NetRevenue, t.ReturnTransactions, t.ReturnLines, t.UnitsReturned));
            }
        }

        Assert.Equal(1194, expectedStoreDays.Count);
        Assert.Equal(76, expectedStoreDays.Count(d => d.Item3 == 0m));
        Assert.Equal(expectedStoreDays, stored);
        Assert.Equal(478724.18m, stored.Sum(d => d.Item4));
    }

    /// <summary>The 305 day files of the data set, unzipped into the CLI's folder, in date order.</summary>
    private async Task<List<string>> UnzipDaysAsync()
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

        return files;
    }
}
