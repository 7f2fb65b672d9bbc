using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Analytics.Domain.Sales;
using Analytics.Functions.Hosting;
using Microsoft.Extensions.Logging;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Holds a file's store-day results until the whole file has been validated, so nothing is stored for a file that
/// turns out invalid near its end. Small results stay in memory; past <see cref="MemoryBudgetLines"/> SKU lines
/// everything moves to a temporary file (Lambda's temp directory), so memory stays flat however many store-days a
/// file has. The file is deleted when the spool is disposed; one left by a process that died first (Lambda timeout,
/// out of memory) is deleted by a later spool once it is <see cref="StaleAfter"/> old, since Lambda keeps <c>/tmp</c>
/// for the next invocations of the same execution environment.
/// </summary>
public sealed class ContributionSpool : IAsyncDisposable
{
    /// <summary>About 40 MB of summaries: a chain-day file of a few hundred stores never touches the disk.</summary>
    internal const int MemoryBudgetLines = 200_000;

    /// <summary>File name prefix of spool files; the rest is a GUID and <see cref="FileExtension"/>.</summary>
    internal const string FilePrefix = "analytics-spool-";

    internal const string FileExtension = ".ndjson";

    /// <summary>
    /// Age (since its last write) past which a spool file belongs to no live spool: a spool writes its file while the
    /// upload is read, within one invocation, and no invocation outlives Lambda's largest timeout, 15 minutes (the host
    /// ends the process at its deadline). Five minutes more for a local run on a busy machine, whose CLI processes
    /// share the temp directory and have no deadline; age is the only guard, as on Linux deleting an open file would
    /// not even fail.
    /// </summary>
    internal static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(20);

    private static readonly byte[] s_newLine = "\n"u8.ToArray();
    private readonly int _memoryBudgetLines;
    private readonly string _directory;
    private List<StoreDayContribution>? _memory = [];
    private int _memoryLines;
    private FileStream? _file;

    /// <summary>Starts an empty spool, first deleting stale spool files from <paramref name="directory"/>.</summary>
    /// <param name="logger">Where a spool file that could not be deleted is reported (the spool carries on).</param>
    /// <param name="memoryBudgetLines">SKU, category and summary lines held in memory before spilling to disk.</param>
    /// <param name="directory">Where the spool spills; the process' temp directory unless a test gives its own.</param>
    public ContributionSpool(ILogger logger, int memoryBudgetLines = MemoryBudgetLines, string? directory = null)
    {
        _memoryBudgetLines = memoryBudgetLines;
        _directory = directory ?? Path.GetTempPath();
        DeleteStaleFiles(_directory, logger);
    }

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
                Path.Combine(_directory, $"{FilePrefix}{Guid.NewGuid():N}{FileExtension}"), FileMode.CreateNew, FileAccess.ReadWrite,
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

    /// <summary>
    /// Deletes the spool files in <paramref name="directory"/> last written <see cref="StaleAfter"/> ago or earlier.
    /// File times come from the system clock, so they are compared with it. One enumeration of the directory, filtered
    /// by name before any file is looked at.
    /// </summary>
    private static void DeleteStaleFiles(string directory, ILogger logger)
    {
        var cutoff = DateTime.UtcNow - StaleAfter;
        IEnumerable<FileInfo> spoolFiles;
        try
        {
            spoolFiles = new DirectoryInfo(directory).EnumerateFiles(FilePrefix + "*" + FileExtension);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.StaleTempFileNotDeleted(logger, directory, e.Message);
            return;
        }

        foreach (var file in spoolFiles)
        {
            try
            {
                if (file.LastWriteTimeUtc <= cutoff)
                {
                    var age = DateTime.UtcNow - file.LastWriteTimeUtc;
                    file.Delete();
                    Log.StaleTempFileDeleted(logger, file.FullName, age.TotalMinutes);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Log.StaleTempFileNotDeleted(logger, file.FullName, e.Message);
            }
        }
    }

    private async Task WriteAsync(StoreDayContribution contribution, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(_file!, contribution, StepJsonContext.Default.StoreDayContribution, cancellationToken);
        await _file!.WriteAsync(s_newLine, cancellationToken);
    }
}
