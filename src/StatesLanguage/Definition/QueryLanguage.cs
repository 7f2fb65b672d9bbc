namespace StatesLanguage.Definition;

/// <summary>The query language of a state (<c>QueryLanguage</c>, its own or its machine's; JSONPath by default).</summary>
public enum QueryLanguage
{
    JsonPath,
    Jsonata,
}
