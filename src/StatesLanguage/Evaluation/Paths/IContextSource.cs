namespace StatesLanguage.Evaluation.Paths;

/// <summary>Builds the context object (<c>$$</c>) only when a path reads it.</summary>
internal interface IContextSource
{
    JsonNode GetContextObject();
}
