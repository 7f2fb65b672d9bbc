using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// Consoles for the current standard streams (created on each use, so redirected streams are honoured). Progress
/// and problem tables go to stderr, so stdout carries only results and stays parseable with --json.
/// </summary>
internal static class Terminal
{
    public static IAnsiConsole Out => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });

    public static IAnsiConsole Error => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
