using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Holds a file's store-day results on local disk (Lambda's temp directory) until the whole file has been
/// validated, so memory stays flat however many store-days a file has, and nothing is stored for a file that
/// turns out invalid near its end. The file is deleted when the spool is disposed.
/// </summary>
internal sealed class ContributionSpool : IAsyncDisposable
{
    private readonly FileStream _file = new(
        Path.Combine(Path.GetTempPath(), $"analytics-spool-{Guid.NewGuid():N}.ndjson"), FileMode.CreateNew, FileAccess.ReadWrite,
        FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
    private static readonly byte[] s_newLine = "\n"u8.ToArray();

    public int Count { get; private set; }

    public async ValueTask AddAsync(StoreDayContribution contribution, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(_file, contribution, StepJsonContext.Default.StoreDayContribution, cancellationToken);
        await _file.WriteAsync(s_newLine, cancellationToken);
        Count++;
    }

    /// <summary>Reads the spooled contributions back in file order, <paramref name="batchSize"/> at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoreDayContribution>> ReadBatchesAsync(
        int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _file.FlushAsync(cancellationToken);
        _file.Position = 0;
        using var lines = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var batch = new List<StoreDayContribution>(batchSize);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            batch.Add(JsonSerializer.Deserialize(line, StepJsonContext.Default.StoreDayContribution)!);
            if (batch.Count == batchSize)
            {
                yield return batch;
                batch = new List<StoreDayContribution>(batchSize);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
