using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Workflows;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage;
using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.Tasks;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics states validate|run</c>: the local Step Functions engine on any definition file (or one of the
/// product's workflows by name). Exit codes: 0 succeeded/valid, 1 the execution failed, 2 invalid definition or usage.
/// </summary>
internal static class StatesCommand
{
    public const int Invalid = 2;

    public static Command Create(LocalEnvironment local)
    {
        var command = new Command("states", "Validate and run Amazon States Language definitions on the local engine.");
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(CreateRun(local));
        return command;
    }

    private static Argument<string> DefinitionArgument() =>
        new("definition") { Description = "A definition file (.asl.json), or upload-processor / daily-analysis for the product's own" };

    private static Command CreateValidate()
    {
        var definition = DefinitionArgument();
        var command = new Command("validate", "Check a definition and list every problem found.") { definition };
        command.SetAction(parseResult =>
        {
            if (Load(parseResult.GetValue(definition)!) is not { } machine)
            {
                return Invalid;
            }

            Console.WriteLine($"{parseResult.GetValue(definition)}: valid ({machine.Definition.States.Count} states)");
            foreach (var warning in machine.Warnings)
            {
                Console.WriteLine($"  warning: {warning.Path}: {warning.Code}: {warning.Message}");
            }

            return 0;
        });
        return command;
    }

    private static Command CreateRun(LocalEnvironment local)
    {
        var definition = DefinitionArgument();
        var input = new Option<FileInfo?>("--input") { Description = "Execution input (a JSON file). Default: {}" };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "A Step Functions Local mock configuration file" };
        var testCase = new Option<string?>("--test-case") { Description = "The mock configuration's test case to run" };
        var machineName = new Option<string?>("--state-machine")
        {
            Description = "State machine name in the mock configuration. Default: its only one, else the definition's file name",
        };
        var command = new Command("run", "Run one execution and print {\"status\",\"output\"} or {\"status\",\"error\",\"cause\"} as JSON.")
        {
            definition, input, mockConfig, testCase, machineName,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(mockConfig) is null) != (result.GetValue(testCase) is null))
            {
                result.AddError("--mock-config and --test-case go together.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(definition)!;
            if (Load(path) is not { } machine || ReadJson(parseResult.GetValue(input), "{}") is not { } executionInput)
            {
                return Invalid;
            }

            var name = parseResult.GetValue(machineName) ?? StateMachineName(path);
            await using var services = local.BuildServices(parseResult);
            var workflows = services.GetRequiredService<LocalWorkflows>();
            ITaskInvoker? invoker = null;
            if (parseResult.GetValue(mockConfig) is { } mocks)
            {
                if (ReadJson(mocks, null) is not { } config
                    || MockedMachine(config.Value, mocks.Name, parseResult.GetValue(machineName), name, parseResult.GetValue(testCase)!) is not { } mocked)
                {
                    return Invalid;
                }

                name = mocked;
                invoker = new MockConfigInvoker(config.Value!, name, parseResult.GetValue(testCase)!, workflows.CreateTaskInvoker());
            }

            var progress = Terminal.Error;
            var result = await workflows.RunAsync(name, machine, executionInput.Value, invoker,
                ExecutionProgress.WriteTo(line => progress.WriteLine(line), name), cancellationToken);
            Console.WriteLine(Outcome(result).ToJsonString());
            return result.Status == ExecutionStatus.Succeeded ? 0 : 1;
        });
        return command;
    }

    /// <summary>What <c>run</c> prints: status and output, or status, error and cause (each only when AWS has one).</summary>
    public static JsonObject Outcome(ExecutionResult result)
    {
        var outcome = new JsonObject { ["status"] = result.StatusText };
        if (result.Status == ExecutionStatus.Succeeded)
        {
            outcome["output"] = result.Output?.DeepClone();
            return outcome;
        }

        if (result.Error is not null)
        {
            outcome["error"] = result.Error;
        }

        if (result.Cause is not null)
        {
            outcome["cause"] = result.Cause;
        }

        return outcome;
    }

    /// <summary>The definition (a file, or a product workflow by name), or null after printing why it cannot be used.</summary>
    private static StateMachine? Load(string pathOrName)
    {
        string text;
        try
        {
            text = File.Exists(pathOrName) ? File.ReadAllText(pathOrName) : LocalWorkflows.Definition(pathOrName);
        }
        catch (ArgumentException)
        {
            Console.Error.WriteLine($"{pathOrName}: no such file, and not a workflow of this product ({LocalWorkflows.UploadProcessor}, {LocalWorkflows.DailyAnalysis}).");
            return null;
        }

        try
        {
            return StateMachine.Parse(text, LocalResources.Substitutions);
        }
        catch (AslValidationException invalid)
        {
            Console.Error.WriteLine($"{pathOrName}: {invalid.Diagnostics.Count} problem(s)");
            foreach (var diagnostic in invalid.Diagnostics)
            {
                Console.Error.WriteLine($"  {diagnostic.Path}: {diagnostic.Code}: {diagnostic.Message}");
            }

            return null;
        }
    }

    /// <summary>The JSON in <paramref name="file"/> (or <paramref name="fallback"/> when no file is given); null after printing why not.</summary>
    private static Box? ReadJson(FileInfo? file, string? fallback)
    {
        try
        {
            return new Box(JsonNode.Parse(file is null ? fallback! : File.ReadAllText(file.FullName)));
        }
        catch (Exception error) when (error is JsonException or IOException)
        {
            Console.Error.WriteLine($"{file?.FullName}: {error.Message}");
            return null;
        }
    }

    /// <summary>
    /// The state machine of the mock configuration to run: the one <c>--state-machine</c> names; without it, the
    /// file's only one, or else the one named as the definition's file. Null after printing why not (a name the file
    /// does not have, several machines and none named so, a test case the machine does not have), naming what the file
    /// has: mocks that silently do not apply would send the run to the real functions.
    /// </summary>
    private static string? MockedMachine(JsonNode? config, string file, string? requested, string fileName, string testCase)
    {
        var machines = (config?["StateMachines"] as JsonObject)?.Select(m => m.Key).ToList() ?? [];
        var name = requested ?? (machines.Count == 1 ? machines[0] : fileName);
        if (!machines.Contains(name, StringComparer.Ordinal))
        {
            var has = machines.Count == 0 ? "no state machine under \"StateMachines\"" : $"the state machines {string.Join(", ", machines)}";
            Console.Error.WriteLine(requested is not null
                ? $"{file}: there is no state machine '{requested}' in it; it has {has}."
                : $"{file}: has {has}; say which to use with --state-machine (none is named '{fileName}' as the definition).");
            return null;
        }

        var cases = (config!["StateMachines"]![name]?["TestCases"] as JsonObject)?.Select(c => c.Key).ToList() ?? [];
        if (!cases.Contains(testCase, StringComparer.Ordinal))
        {
            Console.Error.WriteLine($"{file}: state machine '{name}' has no test case '{testCase}'; it has {(cases.Count == 0 ? "none" : string.Join(", ", cases))}.");
            return null;
        }

        return name;
    }

    private static string StateMachineName(string path)
    {
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".asl.json", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    /// <summary>A parsed JSON value that may itself be null (JSON <c>null</c> is a valid input).</summary>
    private sealed record Box(JsonNode? Value);
}
