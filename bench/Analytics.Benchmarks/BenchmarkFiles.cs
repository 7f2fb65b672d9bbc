using System.Text.Json;
using Analytics.Cli.Generation;

namespace Analytics.Benchmarks;

/// <summary>Generated upload files of a given size (one JSON array of store-days), cached between runs.</summary>
internal static class BenchmarkFiles
{
    public static FileInfo Ensure(string folder, int megabytes)
    {
        Directory.CreateDirectory(folder);
        var file = new FileInfo(Path.Combine(folder, $"upload-{megabytes}mb.json"));
        if (file.Exists)
        {
            return file;
        }

        var target = megabytes * 1_000_000L;
        var generator = new SalesDataGenerator(new GeneratorOptions { Stores = 1_000, Days = 3_650, LastDate = new DateOnly(2025, 1, 15), Seed = 7 });
        var temporary = file.FullName + ".tmp";
        using (var stream = File.Create(temporary))
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            foreach (var date in generator.Dates.Reverse())
            {
                foreach (var store in generator.Stores)
                {
                    generator.WriteStoreDay(writer, store, date);
                    if (writer.BytesCommitted + writer.BytesPending >= target)
                    {
                        goto done;
                    }

                    writer.Flush();
                }
            }

        done:
            writer.WriteEndArray();
        }

        File.Move(temporary, file.FullName, overwrite: true);
        file.Refresh();
        return file;
    }
}
