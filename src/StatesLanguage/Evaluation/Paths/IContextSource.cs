using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Paths;

/// <summary>The context object (<c>$$</c>), built only as far as a path reads it.</summary>
internal interface IContextSource
{
    /// <summary>The whole context object (for a bare <c>$$</c>); a new object each time.</summary>
    JsonNode GetContextObject();

    /// <summary>The whole context object in the JSONata evaluator's form (<c>$states.context</c>), the same members in
    /// the same order as <see cref="GetContextObject"/>.</summary>
    JsonataDocument GetContextDocument();

    /// <summary>One top-level member (<c>Execution</c>, <c>State</c>, <c>StateMachine</c>, <c>Map</c>, <c>Task</c>).
    /// The node may be shared: read it, copy before attaching.</summary>
    bool TryGetContextPart(string name, out JsonNode? part);

    /// <summary>The current Map item (only while a Map state's ItemSelector is evaluated).</summary>
    bool TryGetMapItem(out int index, out JsonNode? value);

    /// <summary>AWS's opening of a state's runtime error: "An error occurred while executing the state 'X' (entered at
    /// the event id #N)."</summary>
    string ErrorPrefix { get; }
}
