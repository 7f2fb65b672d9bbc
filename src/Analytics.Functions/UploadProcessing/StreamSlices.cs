namespace Analytics.Functions.UploadProcessing;

/// <summary>Reads byte ranges of a stream in ascending order, in one forward pass (an S3 object read once more,
/// without holding it whole).</summary>
internal sealed class StreamSlices(Stream content)
{
    private long _position;

    /// <summary>The <paramref name="length"/> bytes at <paramref name="start"/>, which must not lie before the end of
    /// the previous range.</summary>
    /// <exception cref="EndOfStreamException">The stream ends before the range does (the object changed since it was read).</exception>
    public async Task<byte[]> ReadAsync(long start, long length, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(start, _position);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Array.MaxLength);
        var skip = new byte[(int)Math.Min(start - _position, 1 << 16)];
        while (_position < start)
        {
            var read = await content.ReadAsync(skip.AsMemory(0, (int)Math.Min(skip.Length, start - _position)), cancellationToken);
            _position += read > 0 ? read : throw new EndOfStreamException($"The object ends at byte {_position}, before byte {start}.");
        }

        var slice = new byte[length];
        await content.ReadExactlyAsync(slice, cancellationToken);
        _position += length;
        return slice;
    }
}
