using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Analytics.Domain.Storage;

namespace Analytics.Domain.Exports;

/// <summary>
/// Writes one dataset's partition of a date as NDJSON: one flat JSON object per row, UTF-8 without BOM, each line
/// ended by <c>\n</c>, every row starting with <c>business_date</c>. Rows are buffered only up to
/// <c>maxPartBytes</c>: once a part holds that much, it is put as <c>part-{n}.ndjson</c> and the next part begins, so
/// memory stays bounded by the part size whatever the dataset's size. A row is never split across parts.
/// </summary>
/// <remarks>
/// Order, so that a rerun leaves exactly one run's objects and a failure part-way never empties the partition:
/// (1) each new part is put over the same key of the previous run (a put replaces an object whole);
/// (2) only after every part is written are the partition's other objects (parts of a longer previous run, strays)
/// listed and deleted. A failure in (1) leaves the previous run's remaining parts beside the new ones, never an
/// empty partition; a retry of the step converges. A single-part dataset is replaced atomically.
/// </remarks>
internal sealed class NdjsonPartitionWriter : IDisposable
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>The first column of every row of every dataset.</summary>
    public static readonly ExportColumn BusinessDate = new("business_date", ExportColumnType.Date);

    /// <summary>JSON escaping of uploaded text: quotes, backslashes, control characters and the HTML-sensitive
    /// <c>&lt; &gt; &amp; '</c> are escaped; other letters of any script stay literal UTF-8.</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    private readonly IObjectStore _objects;
    private readonly DateOnly _date;
    private readonly string _isoDate;
    private readonly long _maxPartBytes;
    private readonly MemoryStream _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly List<string> _parts = [];
    private int _rowsInPart;
    private int _rows;
    private long _bytes;

    public NdjsonPartitionWriter(IObjectStore objects, string dataset, DateOnly date, long maxPartBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPartBytes);
        _objects = objects;
        Dataset = dataset;
        _date = date;
        _isoDate = IsoDate.Format(date);
        _maxPartBytes = maxPartBytes;
        _json = new Utf8JsonWriter(_buffer, JsonOptions);
    }

    public string Dataset { get; }

    /// <summary>Opens a row and writes its <c>business_date</c>; the caller writes the other columns, then calls
    /// <see cref="EndRowAsync"/>.</summary>
    public Utf8JsonWriter StartRow()
    {
        _json.WriteStartObject();
        _json.WriteString(BusinessDate.Name, _isoDate);
        return _json;
    }

    public async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset(); // the next row is a new top-level value on the same buffer
        _buffer.WriteByte((byte)'\n');
        _rowsInPart++;
        _rows++;
        if (_buffer.Length >= _maxPartBytes)
        {
            await PutPartAsync(cancellationToken);
        }
    }

    /// <summary>Puts the last part, then deletes every other object of the partition (see the remarks).</summary>
    public async Task<ExportedDataset> CompleteAsync(string manifestKey, CancellationToken cancellationToken)
    {
        if (_rowsInPart > 0)
        {
            await PutPartAsync(cancellationToken);
        }

        var partition = QuickSightKeys.Partition(Dataset, _date);
        List<string> stale = [];
        await foreach (var stored in _objects.ListAsync(partition, cancellationToken))
        {
            if (!_parts.Contains(stored.Key, StringComparer.Ordinal))
            {
                stale.Add(stored.Key);
            }
        }

        foreach (var key in stale)
        {
            await _objects.DeleteAsync(key, cancellationToken);
        }

        return new ExportedDataset(Dataset, partition, _parts.Count, _rows, _bytes, manifestKey);
    }

    public void Dispose()
    {
        _json.Dispose();
        _buffer.Dispose();
    }

    private async Task PutPartAsync(CancellationToken cancellationToken)
    {
        var key = QuickSightKeys.Part(Dataset, _date, _parts.Count);
        _buffer.Position = 0;
        await _objects.WriteAsync(key, _buffer, ContentType, cancellationToken);
        _parts.Add(key);
        _bytes += _buffer.Length;
        _buffer.SetLength(0);
        _rowsInPart = 0;
    }
}
