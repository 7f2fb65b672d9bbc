using System.Buffers;
using System.Text.Json;

namespace Analytics.Benchmarks;

/// <summary>
/// The speed limit: <see cref="Utf8JsonReader"/> visiting every token of a stream in 64 KiB chunks, doing nothing
/// with them. Upload processing is measured against this on the same file in the same run.
/// </summary>
internal static class RawTokenizer
{
    public static long CountTokens(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var state = new JsonReaderState();
            long tokens = 0;
            var filled = 0;
            var final = false;
            while (true)
            {
                while (!final && filled < buffer.Length)
                {
                    var read = stream.Read(buffer, filled, buffer.Length - filled);
                    if (read == 0)
                    {
                        final = true;
                    }

                    filled += read;
                }

                var reader = new Utf8JsonReader(buffer.AsSpan(0, filled), final, state);
                while (reader.Read())
                {
                    tokens++;
                }

                if (final)
                {
                    return tokens;
                }

                var consumed = (int)reader.BytesConsumed;
                if (consumed == 0)
                {
                    // One token larger than the buffer: grow it.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                    continue;
                }

                state = reader.CurrentState;
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
