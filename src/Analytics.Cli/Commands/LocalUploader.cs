using System.Text.Json;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Analytics.Functions.Hosting;
using Analytics.Functions.UploadProcessing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Commands;

/// <summary>
/// Ingests local files the way AWS does: the file goes into the bucket under <c>uploads/</c>, then the ProcessUpload
/// step runs on the object-created event, through the same JSON invoker as the Lambda entry point.
/// </summary>
internal sealed class LocalUploader(IServiceProvider services)
{
    private readonly IObjectStore _bucket = services.GetRequiredService<IObjectStore>();
    private readonly StepInvoker _processUpload = new(services, StepCatalog.Get("ProcessUpload"));

    /// <summary>Uploads and processes one file.</summary>
    /// <exception cref="InvalidUploadException">The file was rejected (and moved to <c>rejected/</c>).</exception>
    public async Task<ProcessUploadOutput> UploadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        var key = UploadKeys.UploadsPrefix + file.Name;
        await using (var content = file.OpenRead())
        {
            await _bucket.WriteAsync(key, content, "application/json", cancellationToken);
        }

        var input = new ProcessUploadInput(new ObjectCreatedDetail(new BucketReference(_bucket.BucketName), new ObjectReference(key, file.Length)));
        using var request = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(input, StepJsonContext.Default.ProcessUploadInput));
        using var response = new MemoryStream();
        await _processUpload.InvokeAsync(request, response, cancellationToken);
        response.Position = 0;
        return JsonSerializer.Deserialize(response, StepJsonContext.Default.ProcessUploadOutput)!;
    }
}
