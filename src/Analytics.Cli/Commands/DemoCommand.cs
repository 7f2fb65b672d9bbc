using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Analytics.Cli.Generation;
using Analytics.Cli.LanguageModels;
using Analytics.Domain.Analysis;
using Analytics.Domain.Insights;
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
        var lastDate = new Option<DateOnly?>("--last-date") { Description = "Last business date (YYYY-MM-DD). Default: yesterday in the time zone (--time-zone)" };
        var timeZone = DailyCommand.TimeZoneOption("The chain's IANA time zone: the stores' and the analysis'", GeneratorOptions.DefaultTimeZone);
        var noAnomalies = new Option<bool>("--no-anomalies") { Description = "Plant nothing unusual on the last day (by default a store's revenue halves, a category surges and a store sells nothing)" };
        var command = new Command("demo", "Generate a chain's sales, ingest them through the upload workflow, and run the daily analysis of the last day.")
        {
            stores, days, seed, lastDate, timeZone, noAnomalies,
        };
        var model = new ModelFlags();
        model.AddTo(command);
        command.Validators.Add(result => DailyCommand.CheckFirstDate(result, lastDate, days));
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new GeneratorOptions
            {
                Stores = parseResult.GetValue(stores),
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
                LastDate = parseResult.GetValue(lastDate) ?? DailyCommand.YesterdayIn(parseResult.GetValue(timeZone)!),
                TimeZone = parseResult.GetValue(timeZone)!,
            };
            if (!parseResult.GetValue(noAnomalies) && options.Stores >= 3)
            {
                options = options with { Planted = PlantedAnomalies.For(new SalesDataGenerator(options).Stores, options.LastDate) };
            }

            var folder = Directory.CreateDirectory(Path.Combine(local.DataDirectory(parseResult), "generated"));
            await using var services = local.BuildServices(parseResult, DailyCommand.ChainTimeZone(options.TimeZone) + model.Configure(parseResult));
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
            Console.WriteLine();
            var (exitCode, insights) = await DailyCommand.RunAsync(services, options.LastDate, cancellationToken);
            if (insights is not null && options.Planted is { } planted)
            {
                PrintPlanted(planted, insights);
            }

            return exitCode;
        });
        return command;
    }

    /// <summary>Where each planted anomaly came out in the ranking (1 is the top finding).</summary>
    private static void PrintPlanted(PlantedAnomalies planted, DailyInsights insights)
    {
        var anomalies = insights.Anomalies?.Anomalies ?? [];
        Console.WriteLine("Planted on the last day, and where the analysis ranked it:");
        foreach (var (what, subject, id, metrics) in Expectations(planted))
        {
            var rank = anomalies.Select((a, i) => (a, i)).FirstOrDefault(x => x.a.Subject == subject && x.a.SubjectId == id && metrics.Contains(x.a.Metric));
            Console.WriteLine(rank.a is null ? $"  {what}: NOT FOUND" : $"  {what}: found, rank {rank.i + 1} of {anomalies.Count} ({rank.a.Severity}, {rank.a.Metric}){Finding(insights, rank.a)}");
        }
    }

    /// <summary>", finding 2 of 3 (High)": the report's finding the anomaly is part of; empty without incidents.</summary>
    private static string Finding(DailyInsights insights, Anomaly anomaly)
    {
        if (insights.Anomalies?.Incidents is not { } incidents)
        {
            return "";
        }

        var findings = incidents.Where(i => i.Material).ToList();
        var finding = findings.FindIndex(i => i.Facets.Any(f => f.Subject == anomaly.Subject && f.SubjectId == anomaly.SubjectId && f.Metric == anomaly.Metric));
        return finding < 0 ? ", in no finding" : $", finding {finding + 1} of {findings.Count} ({findings[finding].Severity})";
    }

    /// <summary>Each planted change and the anomaly that should report it.</summary>
    public static IEnumerable<(string What, AnomalySubject Subject, string Id, AnomalyMetric[] Metrics)> Expectations(PlantedAnomalies planted) =>
    [
        ($"store {planted.HalvedStore} at half its revenue", AnomalySubject.Store, planted.HalvedStore, [AnomalyMetric.NetRevenue, AnomalyMetric.Transactions]),
        ($"{planted.SurgingCategory} selling twice its units", AnomalySubject.Category, planted.SurgingCategory, [AnomalyMetric.NetRevenue]),
        ($"store {planted.ClosedStore} without sales", AnomalySubject.Store, planted.ClosedStore, [AnomalyMetric.NoSales]),
    ];

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
