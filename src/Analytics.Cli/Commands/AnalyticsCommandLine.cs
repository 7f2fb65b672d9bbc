using System.CommandLine;

namespace Analytics.Cli.Commands;

/// <summary>The <c>analytics</c> command tree.</summary>
internal static class AnalyticsCommandLine
{
    /// <summary>Parses and runs a command line. Bad usage exits 2 (1 means "the work ran and failed"), errors on stderr.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = Create().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync(error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'analytics --help' for usage.");
            return StatesCommand.Invalid;
        }

        return await parsed.InvokeAsync();
    }

    public static RootCommand Create()
    {
        var dataDirectory = new Option<DirectoryInfo?>("--data-dir")
        {
            Description = "Where local state lives (SQLite store, bucket folder). Default: $ANALYTICS_DATA_DIR, else ./.analytics",
            Recursive = true,
        };
        var instantWaits = new Option<bool>("--instant-waits")
        {
            Description = "Let Wait states and retry intervals of local executions pass at once",
            Recursive = true,
        };
        var root = new RootCommand("Retail sales analytics: ingest store uploads and analyse the chain, locally or on AWS.");
        root.Options.Add(dataDirectory);
        root.Options.Add(instantWaits);
        var local = new LocalEnvironment(dataDirectory, instantWaits);
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(UploadCommand.Create(local));
        root.Subcommands.Add(SummariesCommand.Create(local));
        root.Subcommands.Add(InvokeCommand.Create(local));
        root.Subcommands.Add(StatesCommand.Create(local));
        root.Subcommands.Add(ExecutionsCommand.Create(local));
        root.Subcommands.Add(DailyCommand.Create(local));
        root.Subcommands.Add(DemoCommand.Create(local));
        root.Subcommands.Add(ServeCommand.Create(local));
        root.Subcommands.Add(TemplateCommand.Create());
        return root;
    }
}
