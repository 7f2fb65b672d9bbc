using StatesLanguage.Server.Api;
using StatesLanguage.Testing;
using StatesLanguage.Validation;

namespace StatesLanguage.Server;

/// <summary>TestState (one state run once, with inspection data) and ValidateStateMachineDefinition (every problem and
/// warning of a definition) over the engine's <see cref="StateTester"/> and <see cref="AslValidator"/>.</summary>
public sealed partial class StepFunctionsService
{
    private async Task<JsonObject> TestStateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(body);
        var definition = reader.RequiredString("definition", 1, 1_048_576);
        var request = new TestStateRequest
        {
            Definition = definition,
            RoleArn = reader.OptionalString("roleArn", 1, 256),
            Input = reader.OptionalString("input", 0, 262_144),
            InspectionLevel = reader.OptionalEnum("inspectionLevel", "INFO", "DEBUG", "TRACE"),
            Variables = reader.OptionalString("variables", 0, 262_144),
            StateName = reader.OptionalString("stateName", 1, 80),
            Context = reader.OptionalString("context", 0, 262_144),
            Mock = Mock(reader.OptionalObject("mock")),
            RetrierRetryCount = reader.OptionalObject("stateConfiguration") is { } configuration
                ? new RequestReader(configuration).OptionalInt("retrierRetryCount", 0, int.MaxValue)
                : null,
        };
        reader.ThrowIfInvalid();
        TestStateResult result;
        try
        {
            result = await StateTester.TestAsync(request, _options.TaskInvokerFactory?.Invoke(), _options.TimeProvider, cancellationToken);
        }
        catch (TestStateException e)
        {
            throw new StepFunctionsException(e.ErrorCode, e.Message);
        }

        var response = new JsonObject { ["status"] = result.Status };
        Add(response, "output", result.Output);
        Add(response, "error", result.Error);
        Add(response, "cause", result.Cause);
        Add(response, "nextState", result.NextState);
        if (result.InspectionData is { } data)
            response["inspectionData"] = Inspection(data);
        return response;
    }

    private static TestStateMock? Mock(JsonObject? mock)
    {
        if (mock is null)
            return null;
        var reader = new RequestReader(mock);
        var result = reader.OptionalString("result");
        var error = reader.OptionalObject("errorOutput") is { } output
            ? new TestStateMockError(new RequestReader(output).OptionalString("error") ?? "", new RequestReader(output).OptionalString("cause"))
            : null;
        reader.ThrowIfInvalid();
        return new TestStateMock(result, error);
    }

    private static JsonObject Inspection(TestStateInspectionData data)
    {
        var inspection = new JsonObject();
        Add(inspection, "input", data.Input);
        Add(inspection, "afterArguments", data.AfterArguments);
        Add(inspection, "afterInputPath", data.AfterInputPath);
        Add(inspection, "afterParameters", data.AfterParameters);
        Add(inspection, "result", data.Result);
        Add(inspection, "afterResultSelector", data.AfterResultSelector);
        Add(inspection, "afterResultPath", data.AfterResultPath);
        Add(inspection, "variables", data.Variables);
        Add(inspection, "afterItemsPath", data.AfterItemsPath);
        if (data.MaxConcurrency is { } concurrency)
            inspection["maxConcurrency"] = concurrency;
        if (data.ToleratedFailureCount is { } count)
            inspection["toleratedFailureCount"] = count;
        if (data.ToleratedFailurePercentage is { } percentage)
            inspection["toleratedFailurePercentage"] = percentage;
        if (data.ErrorDetails is { } details)
        {
            var errorDetails = new JsonObject();
            if (details.CatchIndex is { } catchIndex)
                errorDetails["catchIndex"] = catchIndex;
            if (details.RetryIndex is { } retryIndex)
                errorDetails["retryIndex"] = retryIndex;
            if (details.RetryBackoffIntervalSeconds is { } backoff)
                errorDetails["retryBackoffIntervalSeconds"] = backoff;
            inspection["errorDetails"] = errorDetails;
        }
        return inspection;
    }

    private static Task<JsonObject> ValidateDefinitionAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(body);
        var definition = reader.RequiredString("definition", 1, 1_048_576);
        var type = reader.OptionalEnum("type", "STANDARD", "EXPRESS");
        var severity = reader.OptionalEnum("severity", DiagnosticSeverity.Error, DiagnosticSeverity.Warning);
        var maxResults = reader.OptionalInt("maxResults", 0, AslValidator.MaxApiResults);
        reader.ThrowIfInvalid();
        var validation = AslValidator.ValidateForApi(definition, type, severity, maxResults);
        var diagnostics = new JsonArray();
        foreach (var diagnostic in validation.Diagnostics)
        {
            var item = new JsonObject { ["severity"] = diagnostic.Severity, ["code"] = diagnostic.Code, ["message"] = diagnostic.Message };
            Add(item, "location", diagnostic.Location);
            diagnostics.Add(item);
        }
        return Task.FromResult(new JsonObject { ["result"] = validation.Result, ["diagnostics"] = diagnostics, ["truncated"] = validation.Truncated });
    }

    private static void Add(JsonObject target, string name, string? value)
    {
        if (value is not null)
            target[name] = value;
    }
}
