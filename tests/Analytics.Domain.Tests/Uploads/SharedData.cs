namespace Analytics.Domain.Tests.Uploads;

/// <summary>Finds the repository (the directory holding Analytics.sln) and the team's shared folder beside it.</summary>
internal static class SharedData
{
    public static string? Directory { get; } = Find();

    /// <summary>The directory that holds Analytics.sln.</summary>
    public static string Repository { get; } = FindRepository();

    public static string OnlineRetail => Path.Combine(Directory!, "datasets", "online-retail");

    private static string? Find()
    {
        var shared = Path.GetFullPath(Path.Combine(FindRepository(), "..", "shared"));
        return System.IO.Directory.Exists(Path.Combine(shared, "datasets", "online-retail")) ? shared : null;
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
