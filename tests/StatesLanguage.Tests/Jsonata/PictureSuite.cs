using Analytics.Testing;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>One case of the JSONata language test suite (<c>../shared/conformance/jsonata-suite</c>).</summary>
/// <param name="Name">The group, file and index within the file, such as <c>function-formatNumber/case004.json#0</c>.</param>
/// <param name="Data">The input: the case's <c>data</c>, or the named data set, or null.</param>
internal sealed record PictureSuiteCase(string Name, string Expression, JsonNode? Data, JsonObject Case)
{
    public string? ExpectedCode => Case["code"]?.GetValue<string>();

    public bool ExpectsUndefined => Case["undefinedResult"]?.GetValue<bool>() == true;

    public JsonNode? ExpectedResult => Case["result"];
}

/// <summary>Loads groups of the JSONata test suite from the shared folder, for the picture functions' direct-call tests.</summary>
internal static class PictureSuite
{
    public const string MissingMessage = "The JSONata test suite (../shared/conformance/jsonata-suite) is not on this machine.";

    public static string? Folder { get; } = Locate();

    private static string? Locate()
    {
        var suite = SharedFolder.Directory is null ? null : SharedFolder.Path("conformance", "jsonata-suite");
        return suite is not null && Directory.Exists(suite) ? suite : null;
    }

    /// <summary>Every case of <paramref name="group"/>, files in name order, cases in file order.</summary>
    public static IReadOnlyList<PictureSuiteCase> Group(string group)
    {
        if (Folder is null)
            return [];
        var cases = new List<PictureSuiteCase>();
        var folder = Path.Combine(Folder, "groups", group);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var json = JsonNode.Parse(File.ReadAllText(file))!;
            var items = json is JsonArray array ? array.Select(item => item!.AsObject()).ToList() : [json.AsObject()];
            for (var index = 0; index < items.Count; index++)
            {
                var item = items[index];
                var expression = item["expr"]?.GetValue<string>()
                                 ?? File.ReadAllText(Path.Combine(folder, item["expr-file"]!.GetValue<string>()));
                cases.Add(new PictureSuiteCase($"{group}/{Path.GetFileName(file)}#{index}", expression, DataOf(item), item));
            }
        }
        return cases;
    }

    private static JsonNode? DataOf(JsonObject item)
    {
        if (item.TryGetPropertyValue("data", out var data))
            return data;
        return item["dataset"] is JsonValue name
            ? JsonNode.Parse(File.ReadAllText(Path.Combine(Folder!, "datasets", name.GetValue<string>() + ".json")))
            : null;
    }
}
