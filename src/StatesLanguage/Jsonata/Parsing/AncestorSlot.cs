namespace StatesLanguage.Jsonata.Parsing;

/// <summary>A parent-operator slot: which variable (<see cref="Label"/>) carries the ancestor <see cref="Level"/>
/// steps up.</summary>
internal sealed class AncestorSlot(string label, int level, int index)
{
    public string Label { get; set; } = label;

    public int Level { get; set; } = level;

    public int Index { get; } = index;
}
