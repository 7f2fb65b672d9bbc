using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Embedded;
using Analytics.Cli.Workflows;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.DependencyInjection;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;

namespace Analytics.Cli.Commands;

/// <summary>
/// Ingests local files the way AWS does: the file goes into the bucket under <c>uploads/</c> (<see cref="KeyOf"/>), then
/// an upload-processor execution runs on the local engine with the <c>Object Created</c> event EventBridge would send.
/// </summary>
internal sealed class LocalUploader(IServiceProvider services)
{
    private readonly IObjectStore _bucket = services.GetRequiredService<IObjectStore>();
    private readonly LocalWorkflows _workflows = services.GetRequiredService<LocalWorkflows>();
    private readonly RejectionReports _rejections = new(services.GetRequiredService<IObjectStore>(), services.GetRequiredService<TimeProvider>());
    private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();
    private readonly StateMachine _machine = LocalWorkflows.Load(LocalWorkflows.UploadProcessor);

    /// <summary>Uploads and processes one file.</summary>
    /// <exception cref="InvalidUploadException">The file was rejected (and moved to <c>rejected/</c>).</exception>
    /// <exception cref="WorkflowFailedException">The execution failed for another reason.</exception>
    /// <exception cref="InvalidObjectKeyException">The file's name makes a key (of the upload, or of its rejection and
    /// error report) that the local bucket cannot hold; nothing was written.</exception>
    public async Task<(ProcessUploadOutput Output, string Execution)> UploadAsync(
        FileInfo file, Action<HistoryEvent>? onEvent, CancellationToken cancellationToken)
    {
        var key = KeyOf(file);
        // Checked before anything is written: a rejection must be able to move the file and write its report too.
        foreach (var stored in (string[])[key, UploadKeys.RejectedKey(key), UploadKeys.ErrorReportKey(key)])
        {
            FolderObjectStore.CheckKey(stored);
        }

        await using (var content = file.OpenRead())
        {
            await _bucket.WriteAsync(key, content, "application/json", cancellationToken);
        }

        var result = await _workflows.RunAsync(LocalWorkflows.UploadProcessor, _machine, ObjectCreatedEvent(_bucket.BucketName, key, file.Length, _time.GetUtcNow()), null, onEvent, cancellationToken);
        var execution = result.ExecutionArn[(result.ExecutionArn.LastIndexOf(':') + 1)..];
        if (result.Status == ExecutionStatus.Succeeded)
        {
            return (result.Output.Deserialize(StepJsonContext.Default.ProcessUploadOutput)!, execution);
        }

        if (result.Error == nameof(InvalidUploadException) && await _rejections.FindAsync(key, cancellationToken) is { } rejection)
        {
            throw rejection;
        }

        throw new WorkflowFailedException(execution, result.Error, result.Cause);
    }

    /// <summary>
    /// The bucket key of a local file. Directly under <c>uploads/</c>, where head office writes, since a local file may
    /// hold any stores (a folder there would name the one store it may hold). Named after the file and the first 16 hex
    /// digits of SHA-256 over its full path (<c>…/a/day.json</c> → <c>uploads/day-3f9a1c2b7d4e5f60.json</c>): files of one
    /// name in two folders get two keys, and the same file uploaded again gets its key again, replacing the object as S3 does.
    /// </summary>
    internal static string KeyOf(FileInfo file)
    {
        var path = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(file.FullName)))[..16];
        return $"{UploadKeys.UploadsPrefix}{Path.GetFileNameWithoutExtension(file.Name)}-{path}{file.Extension}";
    }

    /// <summary>The S3 <c>Object Created</c> event as EventBridge delivers it to the state machine, its key URL-encoded as S3 does.</summary>
    internal static JsonObject ObjectCreatedEvent(string bucketName, string key, long size, DateTimeOffset now)
    {
        return new JsonObject
        {
            ["version"] = "0",
            ["id"] = Guid.NewGuid().ToString(),
            ["detail-type"] = "Object Created",
            ["source"] = "aws.s3",
            ["account"] = LocalResources.Account,
            ["time"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = LocalResources.Region,
            ["resources"] = new JsonArray($"arn:aws:s3:::{bucketName}"),
            ["detail"] = new JsonObject
            {
                ["version"] = "0",
                ["bucket"] = new JsonObject { ["name"] = bucketName },
                ["object"] = new JsonObject { ["key"] = S3EventKey.Encode(key), ["size"] = size, ["sequencer"] = now.UtcTicks.ToString("X", CultureInfo.InvariantCulture) },
                ["request-id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
                ["requester"] = LocalResources.Account,
                ["reason"] = "PutObject",
            },
        };
    }
}
