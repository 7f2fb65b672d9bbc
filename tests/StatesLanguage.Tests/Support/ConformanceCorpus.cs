using Analytics.Testing;

namespace StatesLanguage.Tests.Support;

/// <summary>Finds the ASL conformance corpus (<c>../shared/conformance/asl/jsonpath</c> next to the folder holding
/// Analytics.sln) and loads its cases once.</summary>
public static class ConformanceCorpus
{
    public const string MissingMessage = "The conformance corpus (../shared/conformance/asl/jsonpath) is not on this machine.";

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> Cases = new(() => Load(Folder));

    private static readonly Lazy<IReadOnlyDictionary<string, ConformanceCase>> JsonataCases = new(() => Load(JsonataFolder));

    public static string? Folder { get; } = Locate("jsonpath");

    /// <summary>The cases of <c>../shared/conformance/asl/jsonata</c> (machines or states in JSONata).</summary>
    public static string? JsonataFolder { get; } = Locate("jsonata");

    public static IReadOnlyDictionary<string, ConformanceCase> All => Cases.Value;

    public static IReadOnlyDictionary<string, ConformanceCase> Jsonata => JsonataCases.Value;

    private static string? Locate(string language)
    {
        var corpus = SharedFolder.Directory is null ? null : SharedFolder.Path("conformance", "asl", language);
        return corpus is not null && Directory.Exists(corpus) ? corpus : null;
    }

    private static Dictionary<string, ConformanceCase> Load(string? folder)
    {
        var cases = new Dictionary<string, ConformanceCase>(StringComparer.Ordinal);
        if (folder is null)
            return cases;
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var name = json["name"]!.GetValue<string>();
            cases[name] = new ConformanceCase(name, Path.GetRelativePath(folder, file), json);
        }
        return cases;
    }
}
