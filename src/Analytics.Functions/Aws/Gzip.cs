using System.IO.Compression;

namespace Analytics.Functions.Aws;

/// <summary>Gzip for stored bodies: sales JSON shrinks several times, which keeps items far from DynamoDB's 400 KB limit.</summary>
internal static class Gzip
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    public static byte[] Decompress(MemoryStream compressed)
    {
        compressed.Position = 0;
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
