using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Functions.Hosting;

namespace Analytics.Cli.Commands;

/// <summary>
/// <c>analytics invoke STEP --event FILE</c>: runs one step alone on the local stores, as <c>sam local invoke</c> runs one
/// function: the event in, the step's JSON response on stdout; a failure prints the Lambda error document
/// (<c>errorType</c>, <c>errorMessage</c>) and exits 1.
/// </summary>
internal static class InvokeCommand
{
    public static Command Create(LocalEnvironment local)
    {
        var step = new Argument<string>("step") { Description = $"The step (resource name): {string.Join(", ", StepCatalog.All.Select(s => s.Function.ResourceName))}" };
        var eventFile = new Option<FileInfo>("--event", "-e") { Description = "The event (a JSON file, e.g. from events/)", Required = true };
        var command = new Command("invoke", "Run one workflow step alone with an event, on the local stores.") { step, eventFile };
        command.Validators.Add(result =>
        {
            if (result.GetValue(step) is { } name && StepCatalog.All.All(s => s.Function.ResourceName != name))
            {
                result.AddError($"No step is named '{name}'.");
            }
        });
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var file = parseResult.GetValue(eventFile)!;
            if (!file.Exists)
            {
                await Console.Error.WriteLineAsync($"{file.FullName}: no such file");
                return StatesCommand.Invalid;
            }

            await using var services = local.BuildServices(parseResult);
            var invoker = new StepInvoker(services, StepCatalog.Get(parseResult.GetValue(step)!));
            await using var request = file.OpenRead();
            using var response = new MemoryStream();
            try
            {
                await invoker.InvokeAsync(request, response, cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                Console.WriteLine(new JsonObject { ["errorType"] = error.GetType().Name, ["errorMessage"] = error.Message }.ToJsonString());
                return 1;
            }

            Console.WriteLine(Encoding.UTF8.GetString(response.ToArray()));
            return 0;
        });
        return command;
    }
}
