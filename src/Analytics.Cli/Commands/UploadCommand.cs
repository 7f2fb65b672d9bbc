using System.CommandLine;
using System.Globalization;
using Analytics.Domain.Uploads;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics upload FILE…</c>: puts each file in the local bucket under <c>uploads/</c> and runs ProcessUpload on
/// it, as the S3 event would in AWS. One summary line per file; a rejected file's problems are listed and the exit
/// code is 1.
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
            var failures = 0;
            foreach (var file in parseResult.GetValue(files)!)
            {
                if (!file.Exists)
                {
                    Terminal.Error.MarkupLine($"[red]{Markup.Escape(file.FullName)}: no such file[/]");
                    failures++;
                    continue;
                }

                try
                {
                    var output = await uploader.UploadAsync(file, cancellationToken);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{file.Name}: accepted, {output.StoreDays} store-days, {output.Transactions} transactions, net revenue {output.NetRevenue:N2} (upload {output.UploadId})"));
                }
                catch (InvalidUploadException rejection)
                {
                    failures++;
                    PrintRejection(file.Name, rejection);
                }
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    public static void PrintRejection(string fileName, InvalidUploadException rejection)
    {
        Console.WriteLine($"{fileName}: rejected, {rejection.TotalProblems} problem(s); moved to {UploadKeys.RejectedKey(rejection.ObjectKey)} "
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

        Terminal.Error.Write(table);
        if (rejection.TotalProblems > ProblemsShown)
        {
            Terminal.Error.MarkupLine($"… and {rejection.TotalProblems - ProblemsShown} more in the error report.");
        }
    }
}
