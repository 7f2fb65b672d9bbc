namespace Analytics.Testing;

/// <summary>
/// The repository (the folder holding Analytics.sln) and the team's read-only <c>shared/</c> folder beside it (data
/// sets, recorded conformance cases). A clone elsewhere has no <c>shared/</c>: tests that need it are skipped there,
/// with <see cref="SkipReason"/>. Linked into each test project that needs it.
/// </summary>
internal static class SharedFolder
{
    public const string SkipReason = "../shared (the team's data sets and recorded cases) is not beside this clone; test skipped.";

    public static string Repository { get; } = FindRepository();

    /// <summary>The shared folder, or null when this clone has none.</summary>
    public static string? Directory { get; } = FindShared();

    /// <summary>A path inside the shared folder.</summary>
    /// <exception cref="InvalidOperationException">There is no shared folder (the test should have been skipped).</exception>
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([Directory ?? throw new InvalidOperationException(SkipReason), .. parts]);

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Analytics.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}.");
    }

    private static string? FindShared()
    {
        var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(Repository, "..", "shared"));
        return System.IO.Directory.Exists(shared) ? shared : null;
    }
}
