using System.Globalization;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;

namespace Analytics.Functions.UploadProcessing;

/// <summary>
/// Stores an accepted file so that each transaction and return counts once, whatever else the store sent
/// (docs/architecture.md, "Counted once"). For each store-day of the file: its object goes to the
/// <see cref="StoreDayLedger"/>; the store-day is recomputed from every ledger entry it has (<see cref="StoreDayFold"/>),
/// and the result is staged as a record whose revision is the number of entries it was computed from. When every
/// store-day is staged, the file's records are committed together, so a reader sees all of the file or none of it.
/// Running it again after a failure anywhere repeats the same writes and converges to one clean run.
/// </summary>
public sealed class StoreDayRecorder(IObjectStore objects, ISalesStore sales, StoreDayLedger ledger, UploadReader reader)
{
    /// <summary>Store-days read, written and staged per round.</summary>
    internal const int BatchSize = 100;

    /// <summary>Store-days of a round recomputed at the same time (each is a few bucket requests).</summary>
    internal const int Concurrency = 8;

    /// <summary>
    /// Records the store-days in <paramref name="spool"/> (the file's, in file order, as the reader summed them).
    /// Returns the problems that keep the file from being stored: store-days it cannot be folded with (another
    /// currency than earlier files of the day give, receipts that no longer fit together). Then nothing of the file
    /// is committed and its ledger entries are removed.
    /// </summary>
    /// <param name="arrivedAt">When the file arrived: the order of its store-days that carry no <c>exported_at</c>.</param>
    /// <param name="storeDays">The store-days the spool holds (what the commit makes visible).</param>
    public async Task<IReadOnlyList<UploadProblem>> RecordAsync(
        string uploadId, string key, DateTimeOffset arrivedAt, ContributionSpool spool, IReadOnlyCollection<StoreDayKey> storeDays,
        CancellationToken cancellationToken)
    {
        var problems = new List<UploadProblem>();
        var entries = new List<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await using (var content = await objects.OpenReadAsync(key, cancellationToken))
        {
            var slices = new StreamSlices(content);
            await foreach (var batch in spool.ReadBatchesAsync(BatchSize, cancellationToken))
            {
                var round = new Recomputation[batch.Count];
                for (var i = 0; i < batch.Count; i++)
                {
                    var contribution = batch[i];
                    var bytes = await slices.ReadAsync(contribution.Start, contribution.Length, cancellationToken);
                    var summary = contribution.Summary;
                    round[i] = new Recomputation(contribution, bytes,
                        StoreDayLedger.EntryKey(summary.BusinessDate, summary.StoreId, contribution.ExportedAt ?? arrivedAt, bytes));
                }

                entries.AddRange(round.Select(r => r.EntryKey));
                await Parallel.ForEachAsync(round, parallel, async (r, token) => await ledger.WriteAsync(r.EntryKey, r.Bytes, token));
                await Parallel.ForEachAsync(round, parallel, async (r, token) => await RecomputeAsync(uploadId, key, r, token));
                problems.AddRange(round.Select(r => r.Problem).OfType<UploadProblem>());
                if (problems.Count == 0)
                {
                    await sales.StageAsync(uploadId, [.. round.Select(r => r.Record!)], cancellationToken);
                }
            }
        }

        if (problems.Count > 0)
        {
            await Parallel.ForEachAsync(entries, parallel, async (entry, token) => await ledger.DeleteAsync(entry, token));
            return problems;
        }

        await sales.CommitAsync(uploadId, storeDays, cancellationToken);
        return [];
    }

    /// <summary>The store-day as every ledger entry of it leaves it.</summary>
    private async Task RecomputeAsync(string uploadId, string key, Recomputation r, CancellationToken cancellationToken)
    {
        var summary = r.Contribution.Summary;
        var entries = await ledger.ListAsync(summary.BusinessDate, summary.StoreId, cancellationToken);
        if (!entries.Contains(r.EntryKey, StringComparer.Ordinal))
        {
            throw new InvalidOperationException($"The ledger entry {r.EntryKey} just written is not listed; the store-day is recomputed on the retry.");
        }

        if (entries.Count == 1)
        {
            // The file is all there is of the store-day: it is what the reader summed.
            r.Record = new StoreDayRecord(summary.StoreId, summary.BusinessDate, 1, uploadId, key,
                                          r.Contribution.Action == StoreDayAction.Withdraw ? null : summary);
            return;
        }

        var storeDays = new ReadOnlyMemory<byte>[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            storeDays[i] = entries[i] == r.EntryKey ? r.Bytes : await ledger.ReadAsync(entries[i], cancellationToken);
        }

        var folded = StoreDayFold.Fold(storeDays);
        if (folded.Conflict is { } conflict)
        {
            r.Problem = Problem(summary, UploadProblemCodes.CurrencyConflict, conflict);
            return;
        }

        r.Record = new StoreDayRecord(summary.StoreId, summary.BusinessDate, entries.Count, uploadId, key,
                                      folded.StoreDay is { } storeDay ? await ReadFoldedAsync(storeDay, key, r, cancellationToken) : null);
    }

    /// <summary>Sums the folded store-day with the reader that read the file. Its receipts were each valid in their own
    /// file; together they can still fail (a return of a sale a later file withdrew): that rejects this file.</summary>
    private async Task<StoreDaySummary?> ReadFoldedAsync(byte[] storeDay, string key, Recomputation r, CancellationToken cancellationToken)
    {
        StoreDaySummary? summed = null;
        var result = await reader.ReadAsync(new MemoryStream(storeDay, writable: false), key, (contribution, _) =>
        {
            summed = contribution.Summary;
            return ValueTask.CompletedTask;
        }, cancellationToken);
        if (result.IsValid)
        {
            return summed;
        }

        var first = result.Problems[0];
        r.Problem = Problem(r.Contribution.Summary, first.Code,
            $"Together with the earlier files of this store-day: {first.Message}" + (first.TransactionId is { } id ? $" (receipt {id})" : ""));
        return null;
    }

    private static UploadProblem Problem(StoreDaySummary storeDay, string code, string message) =>
        new(code, message, "$", StoreId: storeDay.StoreId,
            BusinessDate: storeDay.BusinessDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>One store-day of the file on its way: its bytes, its ledger entry, and what recomputing it gave.</summary>
    private sealed class Recomputation(StoreDayContribution contribution, byte[] bytes, string entryKey)
    {
        public StoreDayContribution Contribution { get; } = contribution;
        public byte[] Bytes { get; } = bytes;
        public string EntryKey { get; } = entryKey;
        public StoreDayRecord? Record { get; set; }
        public UploadProblem? Problem { get; set; }
    }
}
