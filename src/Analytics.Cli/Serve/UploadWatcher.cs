using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Cli.Embedded;
using Analytics.Domain.Uploads;

namespace Analytics.Cli.Serve;

/// <summary>
/// Starts <c>upload-processor</c> for every file dropped under the bucket's <c>uploads/&lt;store&gt;/</c>, as the
/// EventBridge rule does for every object created there: once per file, and again only when the file is replaced (a
/// new size or write time is a new object). The files it has handed on are kept in a ledger
/// (<c>&lt;data&gt;/serve/uploads.json</c>), so a file that arrived while the service was down is processed at the
/// next start, and one whose processing the service did not see end (it stopped mid-run) is processed once more.
/// A file counts as arrived when two scans in a row see the same size and write time: a file still being copied in
/// is not taken half-written. Files directly under <c>uploads/</c> are the upload command's, which processes them
/// itself.
/// </summary>
internal sealed class UploadWatcher(string bucketDirectory, string ledgerPath, Func<string, long, CancellationToken, Task<string>> process)
{
    /// <summary>How many files are processed at once.</summary>
    public const int Parallelism = 4;

    private readonly string _uploads = Path.Combine(bucketDirectory, "uploads");
    private readonly Dictionary<string, FileMark> _seen = new(StringComparer.Ordinal);
    private readonly Lock _ledgerLock = new();
    private Dictionary<string, LedgerEntry>? _ledger;

    /// <summary>Keys processed so far and their executions' status (for tests and the browser).</summary>
    public IReadOnlyDictionary<string, LedgerEntry> Ledger
    {
        get
        {
            lock (_ledgerLock)
            {
                return new Dictionary<string, LedgerEntry>(LoadLedger(), StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Scans every <paramref name="interval"/> until cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            await ScanAsync(cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>One scan: processes every file that has arrived (stable since the previous scan) and is not in the
    /// ledger as processed in this version. Returns how many it processed.</summary>
    public async Task<int> ScanAsync(CancellationToken cancellationToken)
    {
        var arrived = new List<(string Key, FileMark Mark)>();
        foreach (var (key, mark) in Files())
        {
            var stable = _seen.TryGetValue(key, out var before) && before == mark;
            _seen[key] = mark;
            if (stable && !IsProcessed(key, mark))
            {
                arrived.Add((key, mark));
            }
        }

        await Parallel.ForEachAsync(arrived, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (file, token) =>
            {
                Record(file.Key, new LedgerEntry(file.Mark.Size, file.Mark.WriteTicks, "STARTED"));
                var status = await process(file.Key, file.Mark.Size, token);
                Record(file.Key, new LedgerEntry(file.Mark.Size, file.Mark.WriteTicks, status));
            });
        return arrived.Count;
    }

    private IEnumerable<(string Key, FileMark Mark)> Files()
    {
        if (!Directory.Exists(_uploads))
        {
            yield break;
        }

        foreach (var storeDirectory in Directory.EnumerateDirectories(_uploads).Order(StringComparer.Ordinal))
        {
            foreach (var path in Directory.EnumerateFiles(storeDirectory).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path);
                if (name.StartsWith(FolderObjectStore.TempPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var info = new FileInfo(path);
                if (!info.Exists)
                {
                    continue;
                }

                yield return ($"{UploadKeys.UploadsPrefix}{Path.GetFileName(storeDirectory)}/{name}", new FileMark(info.Length, info.LastWriteTimeUtc.Ticks));
            }
        }
    }

    private bool IsProcessed(string key, FileMark mark)
    {
        lock (_ledgerLock)
        {
            // STARTED without an end: the service stopped while it ran; the file is processed again, once.
            return LoadLedger().TryGetValue(key, out var entry) && entry.Size == mark.Size && entry.WriteTicks == mark.WriteTicks && entry.Status != "STARTED";
        }
    }

    private void Record(string key, LedgerEntry entry)
    {
        lock (_ledgerLock)
        {
            var ledger = LoadLedger();
            ledger[key] = entry;
            var document = new JsonObject();
            foreach (var (name, value) in ledger.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                document[name] = new JsonObject
                {
                    ["size"] = value.Size,
                    ["lastWrite"] = new DateTime(value.WriteTicks, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
                    ["status"] = value.Status,
                };
            }

            Directory.CreateDirectory(Path.GetDirectoryName(ledgerPath)!);
            var temp = ledgerPath + ".tmp";
            File.WriteAllText(temp, document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temp, ledgerPath, overwrite: true);
        }
    }

    private Dictionary<string, LedgerEntry> LoadLedger()
    {
        if (_ledger is not null)
        {
            return _ledger;
        }

        _ledger = new Dictionary<string, LedgerEntry>(StringComparer.Ordinal);
        if (File.Exists(ledgerPath))
        {
            foreach (var (key, value) in JsonNode.Parse(File.ReadAllText(ledgerPath))!.AsObject())
            {
                var lastWrite = DateTime.Parse((string)value!["lastWrite"]!, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
                _ledger[key] = new LedgerEntry((long)value["size"]!, lastWrite.Ticks, (string)value["status"]!);
            }
        }

        return _ledger;
    }

    private readonly record struct FileMark(long Size, long WriteTicks);
}

/// <summary>A file the watcher handed on: its size and write time then, and its execution's status (STARTED until it ends).</summary>
internal sealed record LedgerEntry(long Size, long WriteTicks, string Status);
