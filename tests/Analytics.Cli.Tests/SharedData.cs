namespace Analytics.Cli.Tests;

/// <summary>
/// The read-only <c>shared/</c> folder beside the repository (data sets, references). A clone elsewhere has none:
/// tests that need it are skipped there, with a message saying so.
/// </summary>
internal static class SharedData
{
    public static DirectoryInfo? Folder { get; } = Find();

    public static string SkipReason => "../shared is not beside this clone (it holds the online-retail data set); test skipped.";

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Folder?.FullName ?? throw new InvalidOperationException(SkipReason), .. parts]);

    private static DirectoryInfo? Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Analytics.sln")))
            {
                var shared = new DirectoryInfo(System.IO.Path.Combine(directory.FullName, "..", "shared"));
                return shared.Exists ? shared : null;
            }
        }

        return null;
    }
}

/// <summary>A fact that needs <see cref="SharedData"/>: skipped, with the reason, where the folder is missing.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = SharedData.SkipReason;
        }
    }
}
