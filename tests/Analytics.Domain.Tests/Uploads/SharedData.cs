namespace Analytics.Domain.Tests.Uploads;

/// <summary>Finds the team's shared folder: the sibling <c>shared</c> of the directory holding Analytics.sln.</summary>
internal static class SharedData
{
    public static string? Directory { get; } = Find();

    public static string OnlineRetail => Path.Combine(Directory!, "datasets", "online-retail");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return System.IO.Directory.Exists(Path.Combine(shared, "datasets", "online-retail")) ? shared : null;
            }
        }

        return null;
    }
}
