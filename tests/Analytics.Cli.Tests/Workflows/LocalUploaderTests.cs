using Analytics.Cli.Commands;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Domain.Uploads;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Workflows;

/// <summary>Local uploads go directly under uploads/ (as head office's do), under keys two local files cannot share.</summary>
public sealed class LocalUploaderTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("analytics-local-uploads-");

    public void Dispose() => _root.Delete(recursive: true);

    private static string Day(string storeId) => SampleUploads.OneLineDay(storeId);

    private FileInfo Write(string folder, string name, string json)
    {
        var directory = _root.CreateSubdirectory(folder);
        var path = Path.Combine(directory.FullName, name);
        File.WriteAllText(path, json);
        return new FileInfo(path);
    }

    [Fact]
    public void KeyOf_SameNameInTwoFolders_GivesTwoKeysDirectlyUnderUploads()
    {
        var first = LocalUploader.KeyOf(new FileInfo(Path.Combine(_root.FullName, "a", "day.json")));
        var second = LocalUploader.KeyOf(new FileInfo(Path.Combine(_root.FullName, "b", "day.json")));

        Assert.NotEqual(first, second);
        Assert.All([first, second], key =>
        {
            Assert.Matches("^uploads/day-[0-9a-f]{16}\\.json$", key);
            Assert.Null(UploadKeys.OwningStore(key)); // head office's place: the file may hold any stores
        });
    }

    [Fact]
    public void KeyOf_SameFileByAnotherPath_GivesTheSameKey() =>
        Assert.Equal(LocalUploader.KeyOf(new FileInfo(Path.Combine(_root.FullName, "a", "day.json"))),
                     LocalUploader.KeyOf(new FileInfo(Path.Combine(_root.FullName, "a", "b", "..", "day.json"))));

    [Fact]
    public async Task UploadAsync_SameNameFromTwoFolders_KeepsBothFilesAndStoresBoth()
    {
        await using var services = LocalEnvironment.CreateServices(Path.Combine(_root.FullName, "data"), instantWaits: true);
        var uploader = new LocalUploader(services);

        var (first, _) = await uploader.UploadAsync(Write("a", "day.json", Day("store-0001")), null, CancellationToken.None);
        var (second, _) = await uploader.UploadAsync(Write("b", "day.json", Day("store-0002")), null, CancellationToken.None);

        Assert.NotEqual(first.ObjectKey, second.ObjectKey);
        var bucket = services.GetRequiredService<IObjectStore>();
        Assert.True(await bucket.ExistsAsync(first.ObjectKey, CancellationToken.None));
        Assert.True(await bucket.ExistsAsync(second.ObjectKey, CancellationToken.None));
        var stored = await services.GetRequiredService<ISalesStore>().GetDayAsync(new DateOnly(2025, 1, 15), SalesDetail.Totals, CancellationToken.None);
        Assert.Equal(["store-0001", "store-0002"], stored.Select(s => s.StoreId).Order(StringComparer.Ordinal));
    }
}
