using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Jsonata;

/// <summary>
/// <c>$states</c> converted once for the expressions of one template (a state's Arguments, or its Assign and Output):
/// converting the state's input for every expression was most of a JSONata state's cost. One for the expressions that
/// may read <c>$states.context</c>, one for the others (the context holds the execution's input). Not thread-safe:
/// a template's expressions are evaluated one after another.
/// </summary>
internal sealed class StatesDocuments
{
    public JsonataDocument? WithContext { get; set; }

    public JsonataDocument? WithoutContext { get; set; }
}
