using System.Diagnostics;

namespace Analytics.Domain.Uploads;

/// <summary>
/// Turns absolute byte offsets of an upload into 1-based line and column (the column counts UTF-8 bytes, as
/// <see cref="System.Text.Json.JsonException.BytePositionInLine"/> does). Newlines are counted with a vectorized scan
/// that only moves forward: each byte is scanned once, either when a location is asked for or when the consumed
/// part of the buffer is dropped.
/// </summary>
internal sealed class LocationTracker
{
    private long _bufferStart;
    private long _cursor;
    private long _linesBeforeCursor;
    private long _lastNewlineBeforeCursor = -1;
    private long _linesBeforeBuffer;
    private long _lastNewlineBeforeBuffer = -1;

    /// <summary>Absolute offset of index 0 of the current buffer.</summary>
    public long BufferStart => _bufferStart;

    /// <summary>
    /// Line and column of <paramref name="offset"/>, which must lie in <paramref name="buffer"/> (the current buffer,
    /// whose index 0 is at <see cref="BufferStart"/>).
    /// </summary>
    public UploadLocation Locate(ReadOnlySpan<byte> buffer, long offset)
    {
        Debug.Assert(offset >= _bufferStart, "The offset must lie in the current buffer.");
        var index = (int)(offset - _bufferStart);
        if (offset >= _cursor)
        {
            Advance(buffer, (int)(_cursor - _bufferStart), index);
            return new UploadLocation(_linesBeforeCursor + 1, offset - _lastNewlineBeforeCursor);
        }

        var prefix = buffer[..index];
        var lines = _linesBeforeBuffer + prefix.Count((byte)'\n');
        var last = prefix.LastIndexOf((byte)'\n');
        var lastNewline = last >= 0 ? _bufferStart + last : _lastNewlineBeforeBuffer;
        return new UploadLocation(lines + 1, offset - lastNewline);
    }

    /// <summary>
    /// Drops the first <paramref name="consumed"/> bytes of <paramref name="buffer"/> after counting their newlines.
    /// No location past them may have been asked for.
    /// </summary>
    public void Discard(ReadOnlySpan<byte> buffer, int consumed)
    {
        Debug.Assert(_cursor <= _bufferStart + consumed, "Locations are only asked for tokens already consumed.");
        Advance(buffer, (int)(_cursor - _bufferStart), consumed);
        _bufferStart = _cursor;
        _linesBeforeBuffer = _linesBeforeCursor;
        _lastNewlineBeforeBuffer = _lastNewlineBeforeCursor;
    }

    private void Advance(ReadOnlySpan<byte> buffer, int from, int to)
    {
        var bytes = buffer[from..to];
        var count = bytes.Count((byte)'\n');
        if (count > 0)
        {
            _linesBeforeCursor += count;
            _lastNewlineBeforeCursor = _bufferStart + from + bytes.LastIndexOf((byte)'\n');
        }

        _cursor = _bufferStart + to;
    }
}
