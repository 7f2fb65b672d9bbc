using StatesLanguage.Jsonata;
using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Evaluation.States;

/// <summary>The items a Map state iterates over: a JSON array (ItemsPath, a JSON input) or, for a JSONata state, an
/// array in the evaluator's form (the value of Items, or a JSONata state's output), whose items go to the iterations as
/// they are: nothing is made into JSON that no one reads as JSON.</summary>
internal sealed class MapItems
{
    private readonly JsonArray? _json;
    private readonly JList? _jsonata;

    private MapItems(JsonArray? json, JList? jsonata)
    {
        _json = json;
        _jsonata = jsonata;
    }

    public static MapItems FromJson(JsonArray items) => new(items, null);

    /// <summary>An array in the evaluator's JSON form (see <see cref="JsonataDocument.FromJsonForm"/>); null when the
    /// document holds something else.</summary>
    public static MapItems? FromJsonata(JsonataDocument document) =>
        document.Value is JList list ? new MapItems(null, list) : null;

    public int Count => _json?.Count ?? _jsonata!.Count;

    /// <summary>Iteration <paramref name="index"/>'s input: a copy of a JSON item, a JSONata item as it is (never changed).</summary>
    public StateData Input(int index) => _json is not null
        ? JsonData.Clone(_json[index])
        : StateData.FromJsonata(JsonataDocument.FromJsonForm(_jsonata![index]!));

    /// <summary>Item <paramref name="index"/> as JSON, for <c>$$.Map.Item.Value</c>: shared for a JSON item, made anew
    /// for a JSONata one. Read it, never change it.</summary>
    public JsonNode? Json(int index) => _json is not null ? _json[index] : JsonConversion.ToNode(_jsonata![index]);
}
