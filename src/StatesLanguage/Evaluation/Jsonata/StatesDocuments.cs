using StatesLanguage.Jsonata;

namespace StatesLanguage.Evaluation.Jsonata;

/// <summary>
/// <c>$states</c> made once for the expressions of one template (a state's Arguments, or its Assign and Output):
/// converting the state's data for every expression was most of a JSONata state's cost. Kept for the first two sets of
/// members the template's expressions read (usually one), with the result's conversion shared by both. Not
/// thread-safe: a template's expressions are evaluated one after another.
/// </summary>
internal sealed class StatesDocuments
{
    private (StatesMembers Members, JsonataDocument Document) _first;
    private (StatesMembers Members, JsonataDocument Document) _second;

    /// <summary><c>$states.result</c> converted, once made.</summary>
    public JsonataDocument? Result { get; set; }

    public JsonataDocument? Find(StatesMembers members) =>
        _first.Document is not null && _first.Members == members ? _first.Document
        : _second.Document is not null && _second.Members == members ? _second.Document
        : null;

    public void Keep(StatesMembers members, JsonataDocument document)
    {
        if (_first.Document is null)
            _first = (members, document);
        else if (_second.Document is null)
            _second = (members, document);
    }
}
