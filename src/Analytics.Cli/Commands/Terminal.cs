using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// Consoles for the current standard streams (created on each use, so redirected streams are honoured). Progress
/// and problem tables go to stderr, so stdout carries only results and stays parseable with --json.
/// </summary>
internal static class Terminal
{
    /// <summary>Width of tables written to a file or pipe, where there is no terminal to measure (Spectre would assume 80).</summary>
    private const int RedirectedWidth = 160;

    public static IAnsiConsole Out => Create(Console.Out, Console.IsOutputRedirected);

    public static IAnsiConsole Error => Create(Console.Error, Console.IsErrorRedirected);

    private static IAnsiConsole Create(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }
}
