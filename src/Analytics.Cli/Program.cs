using Analytics.Cli.Commands;

var parsed = AnalyticsCommandLine.Create().Parse(args);
if (parsed.Errors.Count > 0)
{
    // Bad usage exits 2 (1 means "the work ran and failed"), with the errors on stderr.
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("Run 'analytics --help' for usage.");
    return StatesCommand.Invalid;
}

return await parsed.InvokeAsync();
