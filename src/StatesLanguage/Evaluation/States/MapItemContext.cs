using System.Runtime.CompilerServices;
using StatesLanguage.Evaluation.Paths;
using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.States;

/// <summary>The context object while one item's ItemSelector is evaluated: the Map state's context plus
/// <c>$$.Map.Item.Index</c> and <c>$$.Map.Item.Value</c>. One per item, so items can be prepared concurrently.</summary>
internal sealed class MapItemContext(StateRun run, int index, MapItems items) : IContextSource
{
    /// <summary>The item as JSON, made when the context is first read (a JSONata item is not converted otherwise).</summary>
    private StrongBox<JsonNode?> Value => _value ??= new(items.Json(index));

    private StrongBox<JsonNode?>? _value;

    public JsonNode GetContextObject()
    {
        var context = (JsonObject)run.GetContextObject();
        context["Map"] = MapObject();
        return context;
    }

    /// <summary>The state's members, then Map (as <see cref="GetContextObject"/> adds it).</summary>
    private static readonly string[] ContextPartNames = ["Execution", "State", "StateMachine", "Task", "Map"];

    public JsonataDocument GetContextDocument() => run.ContextDocument(this, ContextPartNames);

    public bool TryGetContextPart(string name, out JsonNode? part)
    {
        if (name != "Map")
            return run.TryGetContextPart(name, out part);
        part = MapObject();
        return true;
    }

    public bool TryGetMapItem(out int itemIndex, out JsonNode? itemValue)
    {
        itemIndex = index;
        itemValue = Value.Value;
        return true;
    }

    public string ErrorPrefix => run.ErrorPrefix;

    private JsonObject MapObject() =>
        new() { ["Item"] = new JsonObject { ["Index"] = index, ["Value"] = JsonData.Clone(Value.Value) } };
}
