using System.CommandLine;
using System.Globalization;
using Analytics.Cli.Serve;
using Analytics.Cli.LanguageModels;
using NodaTime.Text;
using StatesLanguage.Evaluation.Tasks;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics serve</c>: the local stack as a service AWS tools talk to (<see cref="ServeHost"/>), until Ctrl-C.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(LocalEnvironment local)
    {
        var port = new Option<int>("--port") { Description = "Port of the Step Functions API and the report browser", DefaultValueFactory = _ => 8083 };
        var lambdaPort = new Option<int>("--lambda-port") { Description = "Port of the Lambda Invoke API", DefaultValueFactory = _ => 3001 };
        var host = new Option<string>("--host") { Description = "Address to listen on (0.0.0.0: every interface)", DefaultValueFactory = _ => "127.0.0.1" };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local mock configuration: start <arn>#<TestCase> to use a test case" };
        var timeZone = DailyCommand.TimeZoneOption();
        var dailyAt = new Option<string>("--daily-at")
        {
            Description = "When the daily analysis starts each day (HH:mm in --time-zone), as the deployed schedule; 'off': never on its own",
            DefaultValueFactory = _ => "06:00",
        };
        dailyAt.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "off" && !LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(value ?? "").Success)
            {
                result.AddError($"--daily-at '{value}' is not a time of day HH:mm (or 'off').");
            }
        });
        var command = new Command("serve", "Serve the Step Functions and Lambda APIs and the report browser; watch uploads; run the daily analysis on schedule.")
        {
            port, lambdaPort, host, mockConfig, timeZone, dailyAt,
        };
        var model = new ModelFlags();
        model.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var zone = parseResult.GetValue(timeZone)!;
            var at = parseResult.GetValue(dailyAt)!;
            var mocks = parseResult.GetValue(mockConfig);
            if (mocks is not null && !mocks.Exists)
            {
                await Console.Error.WriteLineAsync($"--mock-config {mocks.FullName}: no such file.");
                return StatesCommand.Invalid;
            }

            var options = new ServeOptions
            {
                Host = parseResult.GetValue(host)!,
                Port = parseResult.GetValue(port),
                LambdaPort = parseResult.GetValue(lambdaPort),
                DataDirectory = local.DataDirectory(parseResult),
                MockConfig = mocks is null ? null : MockConfigInvoker.ParseConfig(await File.ReadAllTextAsync(mocks.FullName, cancellationToken)),
                DailyAt = at == "off" ? null : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(at).Value,
                TimeZone = zone,
            };
            await using var services = local.BuildServices(parseResult, DailyCommand.ChainTimeZone(zone) + model.Configure(parseResult));
            await using var serve = new ServeHost(options, services);
            await serve.StartAsync(cancellationToken);
            Print(serve, options);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping: executions still running are recorded as failed (the service stopped).");
            }

            return 0;
        });
        return command;
    }

    private static void Print(ServeHost serve, ServeOptions options)
    {
        var api = serve.Address.ToString().TrimEnd('/');
        Console.WriteLine($"Step Functions API  {api}   aws stepfunctions list-state-machines --endpoint-url {api}");
        Console.WriteLine($"Lambda Invoke API   {serve.LambdaAddress.ToString().TrimEnd('/')}   aws lambda invoke --function-name CheckUploads --endpoint-url {serve.LambdaAddress.ToString().TrimEnd('/')} out.json");
        Console.WriteLine($"Report browser      {api}/");
        Console.WriteLine($"Backfill            curl -X POST {api}/daily-runs -d '{{\"from\":\"2025-01-01\",\"to\":\"2025-01-07\"}}'");
        Console.WriteLine($"Uploads             drop files in {Path.Combine(options.DataDirectory, "bucket", "uploads")}/<store>/");
        Console.WriteLine(serve.Scheduler is { } scheduler
            ? string.Create(CultureInfo.InvariantCulture, $"Daily analysis      every day at {scheduler.At:HH:mm} {scheduler.Zone.Id}; next {scheduler.NextRun(DateTimeOffset.UtcNow):yyyy-MM-dd HH:mm zzz}")
            : "Daily analysis      not scheduled (--daily-at off)");
        if (serve.Recovered > 0)
        {
            Console.WriteLine($"Recovered           {serve.Recovered} execution(s) that were running when the service last stopped: recorded as failed.");
        }

        Console.WriteLine("Ctrl-C stops.");
    }
}
