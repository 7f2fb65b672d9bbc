using System.Text.Json;

namespace StatesLanguage.Server.Persistence;

/// <summary>One indented JSON file per execution in <see cref="Directory"/>, named
/// <c>&lt;state machine&gt;~&lt;execution name&gt;.json</c> (express executions add <c>~&lt;id&gt;</c>; <c>~</c> is
/// in no valid name), each written atomically. The CLI's <c>executions list/show</c> read the same format.</summary>
public sealed class FileExecutionRepository(string directory) : IExecutionRepository
{
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, Encoder = Api.AwsJson.Compact.Encoder };

    public string Directory { get; } = directory;

    public Task SaveAsync(StoredExecution execution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return AtomicFile.WriteAllTextAsync(PathOf(execution.ExecutionArn), execution.ToJson().ToJsonString(_indented), cancellationToken);
    }

    public async Task<IReadOnlyList<StoredExecution>> LoadAllAsync(CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(Directory))
            return [];
        var executions = new List<StoredExecution>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json"))
        {
            await using var stream = File.OpenRead(path);
            var json = await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject
                ?? throw new FormatException($"{path} is not a JSON object.");
            executions.Add(StoredExecution.FromJson(json));
        }
        return executions;
    }

    /// <summary>The file of an execution ARN (<c>...:execution:machine:name</c> or <c>...:express:machine:name:id</c>).</summary>
    private string PathOf(string executionArn)
    {
        var parts = executionArn.Split(':');
        var name = string.Join('~', parts.Skip(6));
        if (parts.Length < 8 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"Not an execution ARN: '{executionArn}'.", nameof(executionArn));
        return Path.Combine(Directory, name + ".json");
    }
}
