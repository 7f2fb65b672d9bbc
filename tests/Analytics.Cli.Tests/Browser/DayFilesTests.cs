using Analytics.Cli.Browser;

namespace Analytics.Cli.Tests.Browser;

public sealed class DayFilesTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private readonly DirectoryInfo _bucket = Directory.CreateTempSubdirectory("browser-bucket-");

    public void Dispose() => _bucket.Delete(recursive: true);

    [Fact]
    public void Find_BucketAsTheDailyAnalysisLeavesIt_ListsTheDaysReportsExportsAndManifestsOnly()
    {
        Write("reports/2026-12-01/daily-report.html", "<html></html>");
        Write("reports/2026-12-01/daily-report.txt", "text");
        Write("reports/2026-11-30/daily-report.html", "other day");
        Write("exports/quicksight/company_daily/dt=2026-12-01/part-00000.ndjson", "{}\n");
        Write("exports/quicksight/company_daily/dt=2026-11-30/part-00000.ndjson", "{}\n");
        Write("exports/quicksight/manifests/company_daily.json", "{}");
        Write("uploads/store-0001/2026-12-01.json", "{}");

        var files = DayFiles.Find(_bucket.FullName, Day);

        Assert.Equal(
            [
                "exports/quicksight/company_daily/dt=2026-12-01/part-00000.ndjson",
                "exports/quicksight/manifests/company_daily.json",
                "reports/2026-12-01/daily-report.html",
                "reports/2026-12-01/daily-report.txt",
            ],
            files.Select(f => f.Name));
        Assert.Equal("/files/exports/quicksight/company_daily/dt%3D2026-12-01/part-00000.ndjson", files[0].Url);
        Assert.Equal(3, files[0].Bytes);
        Assert.Equal("reports/2026-12-01/daily-report.html", DayFiles.HtmlReport(_bucket.FullName, Day));
        Assert.Null(DayFiles.HtmlReport(_bucket.FullName, Day.AddDays(1)));
    }

    [Fact]
    public void Find_EmptyBucket_NoFiles() => Assert.Empty(DayFiles.Find(_bucket.FullName, Day));

    private void Write(string key, string text)
    {
        var path = Path.Combine(_bucket.FullName, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
