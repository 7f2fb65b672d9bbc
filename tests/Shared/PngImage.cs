using System.Buffers.Binary;
using System.IO.Compression;

namespace Analytics.Testing;

/// <summary>
/// A minimal PNG decoder for screenshots: 8-bit RGB or RGBA, not interlaced (what Chromium writes). The IDAT chunks are
/// inflated with <see cref="ZLibStream"/> and each scanline unfiltered (None, Sub, Up, Average, Paeth). Anything else is
/// rejected, so a test never passes on an image it could not read.
/// </summary>
internal sealed class PngImage
{
    private PngImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>Four bytes a pixel, row by row.</summary>
    public byte[] Rgba { get; }

    /// <summary>Every colour of the image, as RGBA (<c>0xRRGGBBAA</c>).</summary>
    public IReadOnlySet<uint> Colours()
    {
        var colours = new HashSet<uint>();
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            colours.Add(BinaryPrimitives.ReadUInt32BigEndian(Rgba.AsSpan(i, 4)));
        }

        return colours;
    }

    public int DistinctColours() => Colours().Count;

    /// <summary>The share of pixels that differ from the most common colour (the background).</summary>
    public double ShareNotBackground()
    {
        var counts = new Dictionary<uint, int>();
        for (var i = 0; i < Rgba.Length; i += 4)
        {
            var colour = BinaryPrimitives.ReadUInt32BigEndian(Rgba.AsSpan(i, 4));
            counts[colour] = counts.GetValueOrDefault(colour) + 1;
        }

        return 1 - (double)counts.Values.Max() / (Width * Height);
    }

    public static PngImage Decode(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (png.Length < 33 || !png.AsSpan(0, 8).SequenceEqual(signature))
        {
            throw new InvalidDataException("Not a PNG file.");
        }

        int width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = png.AsSpan(offset + 4, 4);
            var data = png.AsSpan(offset + 8, length);
            if (type.SequenceEqual("IHDR"u8))
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                var (bitDepth, colourType, interlace) = (data[8], data[9], data[12]);
                if (bitDepth != 8 || colourType is not (2 or 6) || interlace != 0)
                {
                    throw new InvalidDataException($"Unsupported PNG: bit depth {bitDepth}, colour type {colourType}, interlace {interlace}.");
                }

                channels = colourType == 6 ? 4 : 3;
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                idat.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }

            offset += 12 + length;
        }

        if (channels == 0)
        {
            throw new InvalidDataException("The PNG has no IHDR chunk.");
        }

        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(idat, CompressionMode.Decompress))
        {
            zlib.CopyTo(inflated);
        }

        return new PngImage(width, height, Unfilter(inflated.ToArray(), width, height, channels));
    }

    private static byte[] Unfilter(byte[] data, int width, int height, int channels)
    {
        var stride = width * channels;
        if (data.Length < height * (stride + 1))
        {
            throw new InvalidDataException($"The image data has {data.Length} bytes, {height * (stride + 1)} expected.");
        }

        var previous = new byte[stride];
        var current = new byte[stride];
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        {
            var row = y * (stride + 1);
            var filter = data[row];
            for (var i = 0; i < stride; i++)
            {
                var raw = data[row + 1 + i];
                var left = i >= channels ? current[i - channels] : 0;
                var up = previous[i];
                var upLeft = i >= channels ? previous[i - channels] : 0;
                current[i] = filter switch
                {
                    0 => raw,
                    1 => (byte)(raw + left),
                    2 => (byte)(raw + up),
                    3 => (byte)(raw + (left + up) / 2),
                    4 => (byte)(raw + Paeth(left, up, upLeft)),
                    _ => throw new InvalidDataException($"Unknown PNG filter {filter} on row {y}."),
                };
            }

            for (var x = 0; x < width; x++)
            {
                var target = (y * width + x) * 4;
                current.AsSpan(x * channels, 3).CopyTo(rgba.AsSpan(target));
                rgba[target + 3] = channels == 4 ? current[x * channels + 3] : (byte)255;
            }

            (previous, current) = (current, previous);
        }

        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var (pa, pb, pc) = (Math.Abs(p - a), Math.Abs(p - b), Math.Abs(p - c));
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
