using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Holds a file's store-day results until the whole file has been validated, so nothing is stored for a file that
/// turns out invalid near its end. Small results stay in memory; past <see cref="MemoryBudgetLines"/> SKU lines
/// everything moves to a temporary file (Lambda's temp directory), so memory stays flat however many store-days a
/// file has. The file is deleted when the spool is disposed.
/// </summary>
public sealed class ContributionSpool : IAsyncDisposable
{
    /// <summary>About 40 MB of summaries: a chain-day file of a few hundred stores never touches the disk.</summary>
    internal const int MemoryBudgetLines = 200_000;

    private static readonly byte[] s_newLine = "\n"u8.ToArray();
    private readonly int _memoryBudgetLines;
    private List<StoreDayContribution>? _memory = [];
    private int _memoryLines;
    private FileStream? _file;

    public ContributionSpool(int memoryBudgetLines = MemoryBudgetLines) => _memoryBudgetLines = memoryBudgetLines;

    /// <summary>Whether the spool has moved to disk.</summary>
    public bool Spilled => _file is not null;

    public async ValueTask AddAsync(StoreDayContribution contribution, CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            _memory.Add(contribution);
            _memoryLines += contribution.Summary.Skus.Count + contribution.Summary.Categories.Count + 1;
            if (_memoryLines <= _memoryBudgetLines)
            {
                return;
            }

            _file = new FileStream(
                Path.Combine(Path.GetTempPath(), $"analytics-spool-{Guid.NewGuid():N}.ndjson"), FileMode.CreateNew, FileAccess.ReadWrite,
                FileShare.None, bufferSize: 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
            var held = _memory;
            _memory = null;
            foreach (var earlier in held)
            {
                await WriteAsync(earlier, cancellationToken);
            }

            return;
        }

        await WriteAsync(contribution, cancellationToken);
    }

    /// <summary>The contributions in the order they were added, <paramref name="batchSize"/> at a time.</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoreDayContribution>> ReadBatchesAsync(
        int batchSize, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_memory is not null)
        {
            foreach (var batch in _memory.Chunk(batchSize))
            {
                yield return batch;
            }

            yield break;
        }

        await _file!.FlushAsync(cancellationToken);
        _file.Position = 0;
        using var lines = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var pending = new List<StoreDayContribution>(batchSize);
        while (await lines.ReadLineAsync(cancellationToken) is { } line)
        {
            pending.Add(JsonSerializer.Deserialize(line, StepJsonContext.Default.StoreDayContribution)!);
            if (pending.Count == batchSize)
            {
                yield return pending;
                pending = new List<StoreDayContribution>(batchSize);
            }
        }

        if (pending.Count > 0)
        {
            yield return pending;
        }
    }

    public ValueTask DisposeAsync() => _file?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task WriteAsync(StoreDayContribution contribution, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(_file!, contribution, StepJsonContext.Default.StoreDayContribution, cancellationToken);
        await _file!.WriteAsync(s_newLine, cancellationToken);
    }
}
