using System.CommandLine;
using System.Globalization;
using Analytics.Cli.Generation;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics generate</c>: realistic, deterministic upload files, one per business date.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var stores = new Option<int>("--stores") { Description = "Number of stores", DefaultValueFactory = _ => 50 };
        var days = new Option<int>("--days") { Description = "Number of business dates, ending at --last-date", DefaultValueFactory = _ => 120 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write the files into", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed: same seed and options, same files", DefaultValueFactory = _ => 42 };
        var lastDate = new Option<DateOnly?>("--last-date") { Description = "Last business date (YYYY-MM-DD). Default: yesterday in the time zone (--time-zone)" };
        var timeZone = DailyCommand.TimeZoneOption("The stores' IANA time zone (the files' time_zone and timestamps)", GeneratorOptions.DefaultTimeZone);
        var noReturns = new Option<bool>("--no-returns") { Description = "Sales only: no returns (a few percent of items are returned otherwise)" };
        var returnSpike = new Option<bool>("--plant-return-spike") { Description = "On the last date, the median store takes back ten times its usual returns" };
        stores.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 100_000) { r.AddError("--stores must be 1 to 100000."); } });
        days.Validators.Add(r => { if (r.GetValueOrDefault<int>() is < 1 or > 3_660) { r.AddError("--days must be 1 to 3660."); } });

        var command = new Command("generate", "Write generated upload files (one JSON array of store-days per date) into a folder.")
        {
            stores, days, output, seed, lastDate, timeZone, noReturns, returnSpike,
        };
        command.Validators.Add(result => DailyCommand.CheckFirstDate(result, lastDate, days));
        command.SetAction((parseResult, cancellationToken) =>
        {
            var options = new GeneratorOptions
            {
                Stores = parseResult.GetValue(stores),
                Days = parseResult.GetValue(days),
                Seed = parseResult.GetValue(seed),
                LastDate = parseResult.GetValue(lastDate) ?? DailyCommand.YesterdayIn(parseResult.GetValue(timeZone)!),
                TimeZone = parseResult.GetValue(timeZone)!,
                Returns = !parseResult.GetValue(noReturns),
            };
            if (parseResult.GetValue(returnSpike))
            {
                options = options with { ReturnSpike = ReturnSpike.For(new SalesDataGenerator(options).Stores, options.LastDate) };
            }

            var folder = parseResult.GetValue(output)!;
            folder.Create();
            var generator = new SalesDataGenerator(options);
            long bytes = 0;
            Terminal.Error.Progress().AutoClear(true).Start(progress =>
            {
                var task = progress.AddTask("Generating", maxValue: options.Days);
                foreach (var date in generator.Dates)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var path = Path.Combine(folder.FullName, FileName(date));
                    using (var file = File.Create(path))
                    {
                        generator.WriteDay(file, date);
                        bytes += file.Length;
                    }

                    task.Increment(1);
                }
            });
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {options.Days} files ({options.FirstDate:yyyy-MM-dd} to {options.LastDate:yyyy-MM-dd}, {options.Stores} stores, {bytes / 1e6:F1} MB) to {folder.FullName}"));
            if (options.ReturnSpike is { } spike)
            {
                Console.WriteLine($"Planted a return spike: {spike.StoreId} on {spike.Date:yyyy-MM-dd}");
            }
            return Task.FromResult(0);
        });
        return command;
    }

    public static string FileName(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"sales-{date:yyyy-MM-dd}.json");
}
