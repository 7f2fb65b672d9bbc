using StatesLanguage.Evaluation;
using StatesLanguage.Server.Api;
using StatesLanguage.Server.StateMachines;

namespace StatesLanguage.Server;

public sealed partial class StepFunctionsService
{
    private const string Standard = "STANDARD";
    private const string Express = "EXPRESS";

    private async Task<JsonObject> CreateStateMachineAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var name = reader.RequiredString("name", 1, 80);
        var definition = reader.RequiredString("definition", 1, 1048576);
        var roleArn = reader.RequiredString("roleArn", 1, 256);
        var type = reader.OptionalEnum("type", Standard, Express) ?? Standard;
        var logging = reader.OptionalObject("loggingConfiguration");
        var tracing = reader.OptionalObject("tracingConfiguration");
        var publish = reader.OptionalBool("publish") ?? false;
        var versionDescription = reader.OptionalString("versionDescription", 0, 256);
        reader.ThrowIfInvalid();
        if (!publish && versionDescription is not null)
            throw new StepFunctionsException("ValidationException", "Version description can only be set when publish is true");
        ResourceName.Check(name);
        StateMachineDefinitions.CheckRoleArn(roleArn);
        var machine = StateMachineDefinitions.Compile(definition, type);
        var record = new StateMachineRecord
        {
            Name = name,
            Arn = StatesArn.StateMachine(_options.Region, _options.AccountId, name),
            Definition = definition,
            RoleArn = roleArn,
            Type = type,
            CreationDate = Now,
            LoggingConfiguration = StateMachineDefinitions.Logging(logging),
            TracingConfiguration = StateMachineDefinitions.Tracing(tracing),
        };
        lock (_registryLock)
        {
            if (_machines.TryGetValue(name, out var existing))
            {
                // Idempotent on name, definition, type, logging and tracing; a different roleArn is ignored (AWS).
                var same = existing.Record.Definition == definition && existing.Record.Type == type
                    && JsonNode.DeepEquals(existing.Record.LoggingConfiguration, record.LoggingConfiguration)
                    && JsonNode.DeepEquals(existing.Record.TracingConfiguration, record.TracingConfiguration);
                if (!same)
                    throw StepFunctionsErrors.StateMachineAlreadyExists(existing.Record.Arn);
                return Created(existing.Record);
            }
            _machines[name] = (record, machine);
        }
        if (_options.StateMachines is { } repository)
            await repository.SaveAsync(record, cancellationToken);
        return Created(record);
    }

    private static JsonObject Created(StateMachineRecord record) => new()
    {
        ["stateMachineArn"] = record.Arn,
        ["creationDate"] = AwsJson.Timestamp(record.CreationDate),
    };

    private async Task<JsonObject> UpdateStateMachineAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("stateMachineArn", 1, 256);
        var definition = reader.OptionalString("definition", 1, 1048576);
        var roleArn = reader.OptionalString("roleArn", 1, 256);
        var logging = reader.OptionalObject("loggingConfiguration");
        var tracing = reader.OptionalObject("tracingConfiguration");
        reader.ThrowIfInvalid();
        var (current, _) = FindMachine(arn);
        if (definition is null && roleArn is null && logging is null && tracing is null)
        {
            throw StepFunctionsErrors.MissingRequiredParameter(
                "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }
        if (roleArn is not null)
            StateMachineDefinitions.CheckRoleArn(roleArn);
        var machine = definition is null ? null : StateMachineDefinitions.Compile(definition, current.Type);
        StateMachineRecord updated;
        lock (_registryLock)
        {
            if (!_machines.TryGetValue(current.Name, out var latest))
                throw StepFunctionsErrors.StateMachineDoesNotExist(arn);
            updated = latest.Record with
            {
                Definition = definition ?? latest.Record.Definition,
                RoleArn = roleArn ?? latest.Record.RoleArn,
                LoggingConfiguration = logging is null ? latest.Record.LoggingConfiguration : StateMachineDefinitions.Logging(logging),
                TracingConfiguration = tracing is null ? latest.Record.TracingConfiguration : StateMachineDefinitions.Tracing(tracing),
                UpdateDate = Now,
                RevisionId = Guid.NewGuid().ToString(),
            };
            _machines[current.Name] = (updated, machine ?? latest.Machine);
        }
        if (_options.StateMachines is { } repository)
            await repository.SaveAsync(updated, cancellationToken);
        return new JsonObject { ["updateDate"] = AwsJson.Timestamp(updated.UpdateDate!.Value), ["revisionId"] = updated.RevisionId };
    }

    private async Task<JsonObject> DeleteStateMachineAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("stateMachineArn", 1, 256);
        reader.ThrowIfInvalid();
        var name = MachineName(arn);
        bool removed;
        lock (_registryLock)
            removed = name is not null && _machines.Remove(name);
        if (removed && _options.StateMachines is { } repository)
            await repository.DeleteAsync(name!, cancellationToken);
        return []; // AWS answers 200 for a machine that does not exist too
    }

    private Task<JsonObject> DescribeStateMachineAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var arn = reader.RequiredString("stateMachineArn", 1, 256);
        reader.OptionalEnum("includedData", "ALL_DATA", "METADATA_ONLY");
        reader.ThrowIfInvalid();
        var (record, _) = FindMachine(arn);
        var response = new JsonObject
        {
            ["stateMachineArn"] = record.Arn,
            ["name"] = record.Name,
            ["status"] = "ACTIVE",
            ["definition"] = record.Definition,
            ["roleArn"] = record.RoleArn,
            ["type"] = record.Type,
            ["creationDate"] = AwsJson.Timestamp(record.CreationDate),
            ["loggingConfiguration"] = record.LoggingConfiguration.DeepClone(),
            ["tracingConfiguration"] = record.TracingConfiguration.DeepClone(),
        };
        if (record.RevisionId is not null)
            response["revisionId"] = record.RevisionId;
        return Task.FromResult(response);
    }

    private Task<JsonObject> ListStateMachinesAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var reader = new RequestReader(request);
        var size = reader.PageSize();
        var token = reader.OptionalString("nextToken", 1, 1024);
        reader.ThrowIfInvalid();
        var after = token is null ? null : PageToken.Read(token, "m");
        List<StateMachineRecord> all;
        lock (_registryLock)
            all = [.. _machines.Values.Select(m => m.Record).OrderBy(r => r.Name, StringComparer.Ordinal)];
        var page = all.Where(r => after is null || string.CompareOrdinal(r.Name, after) >= 0).Take(size + 1).ToList();
        var response = new JsonObject
        {
            ["stateMachines"] = new JsonArray([.. page.Take(size).Select(r => (JsonNode)new JsonObject
            {
                ["stateMachineArn"] = r.Arn,
                ["name"] = r.Name,
                ["type"] = r.Type,
                ["creationDate"] = AwsJson.Timestamp(r.CreationDate),
            })]),
        };
        if (page.Count > size)
            response["nextToken"] = PageToken.Write("m", page[size].Name);
        return Task.FromResult(response);
    }

    /// <summary>The machine of an unqualified state machine ARN of this service's region and account.</summary>
    /// <exception cref="StepFunctionsException">InvalidArn, or StateMachineDoesNotExist.</exception>
    private (StateMachineRecord Record, StateMachine? Machine) FindMachine(string arn)
    {
        var name = MachineName(arn) ?? throw StepFunctionsErrors.StateMachineDoesNotExist(arn);
        lock (_registryLock)
            return _machines.TryGetValue(name, out var found) ? found : throw StepFunctionsErrors.StateMachineDoesNotExist(arn);
    }

    /// <summary>The name in a state machine ARN, or null when the ARN is of another region or account, or a version or
    /// alias ARN (none exists here).</summary>
    /// <exception cref="StepFunctionsException">InvalidArn: not an ARN, or of another resource type.</exception>
    private string? MachineName(string arn)
    {
        var parsed = StatesArn.Parse(arn);
        if (parsed.ResourceType != StatesArn.StateMachineType)
            throw StepFunctionsErrors.InvalidArnResourceType(parsed.ResourceType);
        return parsed.Region == _options.Region && parsed.Account == _options.AccountId && parsed.Parts.Count == 1 ? parsed.Parts[0] : null;
    }
}
