using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Analytics.Cli.Generation;
using Analytics.Domain.Sales;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics demo</c>: the product end to end on this machine — generate a chain's sales, ingest every file
/// through the upload step into the embedded store, and show what was stored for the last day.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(LocalEnvironment local)
    {
        var stores = new Option<int>("--stores") { Description = "Number of stores", DefaultValueFactory = _ => 50 };
        var days = new Option<int>("--days") { Description = "Days of history", DefaultValueFactory = _ => 120 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var lastDate = new Option<DateOnly?>("--last-date") { Description = "Last business date (YYYY-MM-DD). Default: yesterday (UTC)" };
        var command = new Command("demo", "Generate a chain's sales, ingest them through the upload workflow step, and summarize the last day.")
        {
            stores, days, seed, lastDate,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new GeneratorOptions
            {
                Stores = parseResult.GetValue(stores),
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
                LastDate = parseResult.GetValue(lastDate) ?? DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            };
            var folder = Directory.CreateDirectory(Path.Combine(local.DataDirectory(parseResult), "generated"));
            await using var services = local.BuildServices(parseResult);
            var uploader = new LocalUploader(services);
            var generator = new SalesDataGenerator(options);
            var clock = Stopwatch.StartNew();
            long bytes = 0;
            await Terminal.Error.Progress().AutoClear(true).StartAsync(async progress =>
            {
                var task = progress.AddTask($"Generating and ingesting {options.Days} days × {options.Stores} stores", maxValue: options.Days);
                foreach (var date in generator.Dates)
                {
                    var file = new FileInfo(Path.Combine(folder.FullName, GenerateCommand.FileName(date)));
                    await using (var stream = file.Create())
                    {
                        generator.WriteDay(stream, date);
                    }

                    bytes += file.Length;
                    await uploader.UploadAsync(file, onEvent: null, cancellationToken);
                    file.Delete(); // the bucket keeps the uploaded copy
                    task.Increment(1);
                }
            });

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Ingested {options.Days} files ({bytes / 1e6:F0} MB, {options.FirstDate:yyyy-MM-dd} to {options.LastDate:yyyy-MM-dd}) in {clock.Elapsed.TotalSeconds:F1} s into {local.DataDirectory(parseResult)}"));
            var day = await services.GetRequiredService<ISalesStore>().GetDayAsync(options.LastDate, SalesDetail.Totals, cancellationToken);
            PrintDay(options.LastDate, day);
            return 0;
        });
        return command;
    }

    private static void PrintDay(DateOnly date, IReadOnlyList<StoreDaySummary> stores)
    {
        var chain = SalesMerge.ChainDay(date, stores);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{date:yyyy-MM-dd}: {chain.StoresTrading} stores, {chain.Totals.Transactions:N0} transactions, net revenue {chain.Totals.NetRevenue:N2}, average basket {chain.Totals.AverageBasket:N2}"));
        var table = new Table().Title("Top stores by net revenue").AddColumns("Store", "Transactions", "Net revenue");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var store in stores.OrderByDescending(s => s.Totals.NetRevenue).ThenBy(s => s.StoreId, StringComparer.Ordinal).Take(5))
        {
            table.AddRow(store.StoreId, store.Totals.Transactions.ToString("N0", CultureInfo.InvariantCulture),
                         store.Totals.NetRevenue.ToString("N2", CultureInfo.InvariantCulture));
        }

        Terminal.Out.Write(table);
    }
}
