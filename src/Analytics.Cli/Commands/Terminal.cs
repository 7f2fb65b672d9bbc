using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>Progress and tables go to stderr, so stdout carries only results (and stays parseable with --json).</summary>
internal static class Terminal
{
    public static IAnsiConsole Error { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
