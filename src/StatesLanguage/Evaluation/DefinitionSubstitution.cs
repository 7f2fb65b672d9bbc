using System.Text.RegularExpressions;

namespace StatesLanguage.Evaluation;

/// <summary>Replaces <c>${name}</c> placeholders in definition text, as SAM's DefinitionSubstitutions does. Unknown
/// placeholders stay as they are (Resource accepts them).</summary>
public static partial class DefinitionSubstitution
{
    [GeneratedRegex(@"\$\{([A-Za-z0-9_.:-]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    public static string Apply(string text, IReadOnlyDictionary<string, string>? substitutions)
    {
        if (substitutions is null || substitutions.Count == 0)
            return text;
        return Placeholder().Replace(text, match =>
            substitutions.TryGetValue(match.Groups[1].Value, out var value)
                ? System.Text.Json.JsonEncodedText.Encode(value, JsonData.Compact.Encoder).ToString()
                : match.Value);
    }
}
