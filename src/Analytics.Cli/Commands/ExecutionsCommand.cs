using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Workflows;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics executions list|show</c>: the local executions and their histories.</summary>
internal static class ExecutionsCommand
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    public static Command Create(LocalEnvironment local)
    {
        var command = new Command("executions", "Past local executions and their histories.");
        var list = new Command("list", "List local executions, newest first.");
        list.SetAction(parseResult =>
        {
            var executions = Store(local, parseResult).ReadAll();
            if (executions.Count == 0)
            {
                Console.WriteLine("No executions yet.");
                return 0;
            }

            // A date's latest analysis is stale when a correction changed one of its store-days after it started.
            var stale = AnalysisDays.Read(executions, Path.Combine(local.DataDirectory(parseResult), "bucket"))
                .Where(d => d.Stale is not null).ToDictionary(d => d.Execution, d => d.StaleBecause!, StringComparer.Ordinal);
            var table = new Table().AddColumns("Execution", "State machine", "Status", "Started", "Error / note");
            foreach (var execution in executions)
            {
                var name = (string?)execution["name"] ?? "";
                var status = (string?)execution["status"] ?? "";
                var note = stale.TryGetValue(name, out var because) ? $"STALE: {because}" : (string?)execution["error"] ?? "";
                table.AddRow(Markup.Escape(name), Markup.Escape((string?)execution["stateMachine"] ?? ""),
                             stale.ContainsKey(name) ? $"{status} (stale)" : status, (string?)execution["startDate"] ?? "", Markup.Escape(note));
            }

            Terminal.Out.Write(table);
            return 0;
        });

        var id = new Argument<string>("execution") { Description = "The execution's name, as listed" };
        var json = new Option<bool>("--json") { Description = "Print the stored execution as JSON" };
        var show = new Command("show", "Show one execution and its history events.") { id, json };
        show.SetAction(parseResult =>
        {
            var name = parseResult.GetValue(id)!;
            JsonObject? execution;
            try
            {
                execution = Store(local, parseResult).Find(name);
            }
            catch (ArgumentException error)
            {
                Console.Error.WriteLine(error.Message);
                return StatesCommand.Invalid;
            }

            if (execution is null)
            {
                Console.Error.WriteLine($"No execution is named '{name}'.");
                return 1;
            }

            Console.WriteLine(parseResult.GetValue(json) ? execution.ToJsonString(s_indented) : Describe(execution));
            return 0;
        });
        command.Subcommands.Add(list);
        command.Subcommands.Add(show);
        return command;
    }

    private static ExecutionStore Store(LocalEnvironment local, ParseResult parseResult) =>
        new(Path.Combine(local.DataDirectory(parseResult), "executions"));

    private static string Describe(JsonObject execution)
    {
        var text = new System.Text.StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{execution["name"]} ({execution["stateMachine"]}): {execution["status"]}")
            .AppendLine(CultureInfo.InvariantCulture, $"  {execution["executionArn"]}")
            .AppendLine(CultureInfo.InvariantCulture, $"  started {execution["startDate"]}, stopped {execution["stopDate"]}");
        if (execution["error"] is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  error {execution["error"]}: {execution["cause"]}");
        }

        foreach (var e in execution["events"]!.AsArray())
        {
            text.Append(CultureInfo.InvariantCulture, $"  #{e!["id"]} {e["timestamp"]} {e["type"]}");
            foreach (var field in new[] { "stateName", "resource", "index", "error", "cause", "input", "output" })
            {
                if (e[field] is { } value)
                {
                    text.Append(CultureInfo.InvariantCulture, $" {field}={(value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value.ToJsonString())}");
                }
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd();
    }
}
