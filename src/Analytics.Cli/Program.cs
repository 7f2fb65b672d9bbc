using Analytics.Cli.Commands;

return await AnalyticsCommandLine.Create().Parse(args).InvokeAsync();
