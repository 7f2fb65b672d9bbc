using StatesLanguage.Definition;

namespace StatesLanguage.Server.Console;

/// <summary>A state placed in a <see cref="GraphLayout"/>; <see cref="Children"/> are a Parallel's branches or a Map's
/// item processor, laid out inside the box below its header.</summary>
internal sealed class GraphNode(StateDefinition state, int layer, double width, double height, IReadOnlyList<GraphLayout> children)
{
    public StateDefinition State { get; } = state;

    public string Name => State.Name;

    public int Layer { get; } = layer;

    public double Width { get; } = width;

    public double Height { get; } = height;

    public IReadOnlyList<GraphLayout> Children { get; } = children;

    public double X { get; set; }

    public double Y { get; set; }
}
