namespace StatesLanguage.Tests.Support;

/// <summary>One recorded AWS execution of the corpus.</summary>
public sealed record ConformanceCase(string Name, string File, JsonObject Json)
{
    public JsonNode Definition => Json["definition"]!;

    public JsonNode? Input => Json["input"];

    public JsonNode? MockConfig => Json["mockConfig"];

    public JsonObject Expected => Json["expected"]!.AsObject();
}
