namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// A read-only stream of <c>prefix</c>, then <c>count</c> times the byte <c>filler</c>, then <c>suffix</c>, made as it
/// is read: a file of hundreds of megabytes that never exists in memory.
/// </summary>
internal sealed class GeneratedStream(byte[] prefix, byte filler, long count, byte[] suffix) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => prefix.Length + count + suffix.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && _position < Length)
        {
            var target = buffer[written..];
            int n;
            if (_position < prefix.Length)
            {
                n = Math.Min(target.Length, prefix.Length - (int)_position);
                prefix.AsSpan((int)_position, n).CopyTo(target);
            }
            else if (_position < prefix.Length + count)
            {
                n = (int)Math.Min(target.Length, prefix.Length + count - _position);
                target[..n].Fill(filler);
            }
            else
            {
                var at = (int)(_position - prefix.Length - count);
                n = Math.Min(target.Length, suffix.Length - at);
                suffix.AsSpan(at, n).CopyTo(target);
            }

            written += n;
            _position += n;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer, offset, count));

    public override void Flush() => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
