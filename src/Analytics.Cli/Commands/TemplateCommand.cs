using System.CommandLine;
using System.Text;
using System.Text.Json;
using Analytics.Cli.Deployment;
using Analytics.Cli.Workflows;
using Analytics.Functions.Hosting;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics template [--out FILE]</c>: writes the SAM template generated from the steps' attributes.</summary>
internal static class TemplateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 2 };

    public static Command Create()
    {
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write it",
            DefaultValueFactory = _ => new FileInfo(SamTemplate.FileName),
        };
        var command = new Command("template", "Write serverless.template (AWS SAM), generated from the Lambda steps and the state machines.") { output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(output)!;
            await File.WriteAllTextAsync(file.FullName, Render(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
            Console.WriteLine($"Wrote {file.FullName}");
            return 0;
        });
        return command;
    }

    /// <summary>The template's text: indented JSON with a final newline, the same bytes for the same code.</summary>
    public static string Render() => SamTemplate.Generate(StepCatalog.All, Workflows).ToJsonString(Indented) + "\n";

    public static IReadOnlyList<SamTemplate.Workflow> Workflows { get; } =
    [
        new("UploadProcessor", LocalWorkflows.UploadProcessor, $"state-machines/{LocalWorkflows.UploadProcessor}.asl.json",
            LocalWorkflows.Definition(LocalWorkflows.UploadProcessor), SamTemplate.UploadEvents()),
        new("DailyAnalysis", LocalWorkflows.DailyAnalysis, $"state-machines/{LocalWorkflows.DailyAnalysis}.asl.json",
            LocalWorkflows.Definition(LocalWorkflows.DailyAnalysis), SamTemplate.DailyEvents()),
    ];
}
