using Analytics.Testing;

namespace StatesLanguage.Tests.Support;

/// <summary>Finds the ASL conformance corpus (<c>../shared/conformance/asl/jsonpath</c> next to the folder holding
/// Analytics.sln) and loads its cases once.</summary>
public static class ConformanceCorpus
{
    public const string MissingMessage = "The conformance corpus (../shared/conformance/asl/jsonpath) is not on this machine.";

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases = new(Load);

    public static string? Folder { get; } = Locate();

    public static IReadOnlyDictionary<string, ConformanceCase> All => Cases.Value;

    private static string? Locate()
    {
        var corpus = SharedFolder.Directory is null ? null : SharedFolder.Path("conformance", "asl", "jsonpath");
        return corpus is not null && Directory.Exists(corpus) ? corpus : null;
    }

    private static Dictionary<string, ConformanceCase> Load()
    {
        var cases = new Dictionary<string, ConformanceCase>(StringComparer.Ordinal);
        if (Folder is null)
            return cases;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var name = json["name"]!.GetValue<string>();
            cases[name] = new ConformanceCase(name, Path.GetRelativePath(Folder, file), json);
        }
        return cases;
    }
}
