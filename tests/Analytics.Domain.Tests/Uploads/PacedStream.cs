namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// A read-only stream over <c>content</c> whose reads return as many bytes as <c>nextLength</c> says (given the
/// position and the caller's buffer size), so a test can cut the reader's input wherever it wants.
/// </summary>
internal sealed class PacedStream(byte[] content, Func<int, int, int> nextLength) : Stream
{
    private int _position;

    /// <summary>At most 1–7 bytes per read, chosen by a seeded random: the reader must give the same answer however
    /// its input is cut.</summary>
    public static PacedStream Trickle(byte[] content, int seed)
    {
        var random = new Random(seed);
        return new PacedStream(content, (_, requested) => Math.Min(requested, random.Next(1, 8)));
    }

    /// <summary>The first read ends at byte <paramref name="cut"/>, later reads return the rest: the end of the reader's
    /// first buffer can be put at every position of a file.</summary>
    public static PacedStream CutAt(byte[] content, int cut) =>
        new(content, (position, requested) => Math.Min(requested, (position < cut ? cut : content.Length) - position));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => content.Length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = Math.Min(nextLength(_position, buffer.Length), content.Length - _position);
        content.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
