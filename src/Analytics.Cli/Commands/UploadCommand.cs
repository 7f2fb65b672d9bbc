using System.CommandLine;
using System.Globalization;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Cli.Workflows;
using Spectre.Console;
using StatesLanguage.Evaluation.History;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics upload FILE…</c>: puts each file in the local bucket under <c>uploads/</c> and runs ProcessUpload on
/// it, as the S3 event would in AWS. One summary line per file; a rejected file's problems are listed and the exit
/// code is 1. A file whose name cannot be a key of the local bucket is reported and skipped; the others go on.
/// </summary>
internal static class UploadCommand
{
    /// <summary>How many problems of a rejected file are printed (all are in its error report).</summary>
    private const int ProblemsShown = 20;

    public static Command Create(LocalEnvironment local)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Upload files (format v1)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Ingest upload files into the local store through the ProcessUpload step.") { files };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = local.BuildServices(parseResult);
            var uploader = new LocalUploader(services);
            var paths = parseResult.GetValue(files)!;
            var failures = 0;
            if (paths.Length > 1 && !Console.IsOutputRedirected && !Console.IsErrorRedirected)
            {
                // On a terminal, a progress bar; lines and problem tables are written above it by the same console.
                var terminal = Terminal.Error;
                await terminal.Progress().AutoClear(true).StartAsync(async progress =>
                {
                    var task = progress.AddTask("Uploading", maxValue: paths.Length);
                    foreach (var file in paths)
                    {
                        failures += await UploadOneAsync(uploader, file, line => terminal.WriteLine(line), terminal,
                            e => { if (ExecutionProgress.Describe(e) is { } state) { task.Description = $"{file.Name} {state}"; } }, cancellationToken);
                        task.Increment(1);
                    }
                });
            }
            else
            {
                foreach (var file in paths)
                {
                    var problems = Terminal.Error;
                    failures += await UploadOneAsync(uploader, file, Console.Out.WriteLine, problems,
                        ExecutionProgress.WriteTo(line => problems.WriteLine(line), file.Name), cancellationToken);
                }
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>Uploads one file and reports it: a summary line to <paramref name="results"/>, problems on <paramref name="problems"/>.</summary>
    /// <returns>1 when the file failed, else 0.</returns>
    private static async Task<int> UploadOneAsync(
        LocalUploader uploader, FileInfo file, Action<string> results, IAnsiConsole problems, Action<HistoryEvent> onEvent,
        CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            problems.MarkupLine($"[red]{Markup.Escape(file.FullName)}: no such file[/]");
            return 1;
        }

        try
        {
            var (output, execution) = await uploader.UploadAsync(file, onEvent, cancellationToken);
            results(string.Create(CultureInfo.InvariantCulture,
                $"{file.Name}: accepted, {output.StoreDays} store-days, {output.Transactions} transactions, net revenue {output.NetRevenue:N2} (execution {execution})"));
            return 0;
        }
        catch (WorkflowFailedException failure)
        {
            results($"{file.Name}: failed, {failure.Message}");
            return 1;
        }
        catch (InvalidUploadException rejection)
        {
            PrintRejection(file.Name, rejection, results, problems);
            return 1;
        }
        catch (InvalidObjectKeyException badName)
        {
            results($"{Printable(file.Name)}: not uploaded, the local bucket cannot hold '{Printable(badName.Key)}': {badName.Reason}");
            return 1;
        }
    }

    /// <summary>A file name with its control characters shown as <c>\uXXXX</c>, so that it cannot move the terminal.</summary>
    private static string Printable(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    private static void PrintRejection(string fileName, InvalidUploadException rejection, Action<string> results, IAnsiConsole problems)
    {
        results($"{fileName}: rejected, {rejection.TotalProblems} problem(s); moved to {UploadKeys.RejectedKey(rejection.ObjectKey)} "
                          + $"with report {UploadKeys.ErrorReportKey(rejection.ObjectKey)}");
        var table = new Table().AddColumns("Where", "Line:Col", "Store-day", "Transaction", "Problem");
        foreach (var problem in rejection.Problems.Take(ProblemsShown))
        {
            table.AddRow(
                Markup.Escape(problem.JsonPath),
                problem.Line is { } line ? $"{line}:{problem.Column}" : "",
                Markup.Escape($"{problem.StoreId} {problem.BusinessDate}".Trim()),
                Markup.Escape(problem.TransactionId ?? ""),
                Markup.Escape($"{problem.Code}: {problem.Message}"));
        }

        problems.Write(table);
        if (rejection.TotalProblems > ProblemsShown)
        {
            problems.MarkupLine($"… and {rejection.TotalProblems - ProblemsShown} more in the error report.");
        }
    }
}
