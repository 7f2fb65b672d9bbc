using System.Text.Json;
using StatesLanguage.Server.StateMachines;

namespace StatesLanguage.Server.Persistence;

/// <summary>One indented JSON file per state machine in <see cref="Directory"/>, <c>&lt;name&gt;.json</c>, written
/// atomically.</summary>
public sealed class FileStateMachineRepository(string directory) : IStateMachineRepository
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = Api.AwsJson.Compact.Encoder };

    public string Directory { get; } = directory;

    public Task SaveAsync(StateMachineRecord stateMachine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        return AtomicFile.WriteAllTextAsync(PathOf(stateMachine.Name), stateMachine.ToJson().ToJsonString(_indented), cancellationToken);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(name));
        return Task.CompletedTask;
    }

    public async Task<IReadOnlyList<StateMachineRecord>> LoadAllAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
            return [];
        var machines = new List<StateMachineRecord>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            await using var stream = File.OpenRead(path);
            var json = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject
                ?? throw new FormatException($"{path} is not a JSON object.");
            machines.Add(StateMachineRecord.FromJson(json));
        }
        return machines;
    }

    private string PathOf(string name) =>
        Api.ResourceName.IsValid(name) ? Path.Combine(Directory, name + ".json") : throw new ArgumentException($"Not a state machine name: '{name}'.", nameof(name));
}
