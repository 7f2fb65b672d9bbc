using System.Buffers;
using System.Text.Json;
using Analytics.Domain.Sales;
using Microsoft.Extensions.Options;

namespace Analytics.Domain.Uploads;

/// <summary>
/// Validates and aggregates an upload file (format v1, docs/upload-format.md) in one streaming pass. Memory does
/// not grow with the file: it holds a read buffer (64 KiB, grown only for a single larger token, up to
/// <see cref="UploadLimits.MaxTokenBytes"/>) and the aggregation state of the store-day being read. Stateless between calls, so one instance may serve concurrent reads.
/// </summary>
public sealed class UploadReader(TimeProvider time, IOptions<UploadOptions> options)
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Whether the scanner reads transactions and returns in the usual shape (the default); tests turn it off to compare
    /// with the state machine alone.</summary>
    internal bool Scan { get; init; } = true;

    /// <summary>
    /// Reads <paramref name="content"/> to its end. Each store-day is handed to <paramref name="onStoreDay"/> as soon
    /// as its object ends, in file order, as long as no problem has been found in the file up to that point; after
    /// the first problem the reader goes on validating (to report every problem) but emits nothing more. A caller
    /// must therefore treat emitted store-days as provisional until the result <see cref="UploadReadResult.IsValid"/>.
    /// </summary>
    /// <param name="sourceKey">The object key of the upload, copied into each <see cref="StoreDayContribution.SourceKey"/>.</param>
    /// <returns>Counts over the whole file and the problems found (malformed JSON stops the reading).</returns>
    public Task<UploadReadResult> ReadAsync(
        Stream content,
        string sourceKey,
        Func<StoreDayContribution, CancellationToken, ValueTask> onStoreDay,
        CancellationToken cancellationToken) =>
        ReadAsync(content, sourceKey, owningStoreId: null, onStoreDay, cancellationToken);

    /// <summary>
    /// Reads <paramref name="content"/> as <see cref="ReadAsync(Stream, string, Func{StoreDayContribution, CancellationToken, ValueTask}, CancellationToken)"/>
    /// does, and, when <paramref name="owningStoreId"/> is given, reports every store-day of another store
    /// (<see cref="UploadProblemCodes.StoreMismatch"/>, at its <c>store_id</c>).
    /// </summary>
    /// <param name="owningStoreId">The only store the file may hold sales of (<see cref="UploadKeys.OwningStore"/> of
    /// its key); null: any store.</param>
    public async Task<UploadReadResult> ReadAsync(
        Stream content,
        string sourceKey,
        string? owningStoreId,
        Func<StoreDayContribution, CancellationToken, ValueTask> onStoreDay,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(onStoreDay);
        var settings = options.Value;
        var tracker = new LocationTracker();
        var parser = new UploadParser(sourceKey, owningStoreId, time.GetUtcNow(), settings, tracker, Scan);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var state = new JsonReaderState(UploadParser.ReaderOptions);
        long bytes = 0;
        var filled = 0;
        try
        {
            while (true)
            {
                var read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                bytes += read;
                filled += read;
                var final = read == 0;
                var wellFormed = TryProcess(parser, tracker, buffer, ref filled, final, ref state);
                if (final && wellFormed)
                {
                    parser.Finish();
                }

                await EmitAsync(parser, onStoreDay, cancellationToken);
                if (!wellFormed)
                {
                    bytes += await CountRestAsync(content, buffer, cancellationToken);
                    break;
                }

                if (final)
                {
                    break;
                }

                if (filled == buffer.Length)
                {
                    // Nothing was consumed from a full buffer: one token fills it.
                    if (buffer.Length >= UploadLimits.MaxTokenBytes)
                    {
                        parser.TokenTooLong(buffer, filled, state);
                        bytes += await CountRestAsync(content, buffer, cancellationToken);
                        break;
                    }

                    buffer = Grow(buffer, filled);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return new UploadReadResult(bytes, parser.StoreDays, parser.Transactions, parser.Units, parser.NetRevenue,
                                    parser.Problems.Kept, parser.Problems.Total) { Scanned = parser.Scanned };
    }

    /// <summary>
    /// Runs the parser over the buffered bytes, then drops what it consumed and moves the rest to the front.
    /// False when the JSON is malformed (the problem is recorded and reading stops).
    /// </summary>
    private static bool TryProcess(UploadParser parser, LocationTracker tracker, byte[] buffer, ref int filled, bool final, ref JsonReaderState state)
    {
        var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
        int consumed;
        try
        {
            consumed = parser.Process(ref reader, buffer, filled);
        }
        catch (JsonException exception)
        {
            parser.Malformed(exception);
            return false;
        }

        state = reader.CurrentState;
        tracker.Discard(buffer, consumed);
        buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
        filled -= consumed;
        return true;
    }

    private static async ValueTask EmitAsync(UploadParser parser, Func<StoreDayContribution, CancellationToken, ValueTask> onStoreDay, CancellationToken cancellationToken)
    {
        var count = parser.Confirmed;
        for (var i = 0; i < count; i++)
        {
            await onStoreDay(parser.Completed[i], cancellationToken);
        }

        parser.RemoveEmitted(count);
    }

    /// <summary>Reads past malformed JSON to the end, so <see cref="UploadReadResult.Bytes"/> is the file's size.</summary>
    private static async ValueTask<long> CountRestAsync(Stream content, byte[] buffer, CancellationToken cancellationToken)
    {
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static byte[] Grow(byte[] buffer, int filled)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, filled).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }
}
