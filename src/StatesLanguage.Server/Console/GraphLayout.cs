using StatesLanguage.Definition;

namespace StatesLanguage.Server.Console;

/// <summary>A layered layout of one machine, branch or item processor: each state's layer is its longest path from
/// <c>StartAt</c> along the transitions (loops broken where a depth-first walk finds them), states keep the walk's
/// order within a layer, and each layer is centred. Parallel and Map states are boxes holding the layouts of their
/// branches (side by side) or item processor. Coordinates are in pixels, relative to the layout's top left.</summary>
internal sealed class GraphLayout
{
    public const double BoxHeight = 36, LayerGap = 44, NodeGap = 28, GroupPadding = 14, GroupHeader = 26, BranchGap = 20;
    private const double MinBoxWidth = 120, MaxBoxWidth = 240, CharWidth = 7.2, TextPadding = 24;

    private GraphLayout(List<GraphNode> nodes, List<GraphEdge> edges, double width, double height)
    {
        Nodes = nodes;
        Edges = edges;
        Width = width;
        Height = height;
    }

    /// <summary>In the order of the layout walk (deterministic: it follows the definition).</summary>
    public IReadOnlyList<GraphNode> Nodes { get; }

    public IReadOnlyList<GraphEdge> Edges { get; }

    public double Width { get; }

    public double Height { get; }

    public static GraphLayout Of(StateMachineDefinition machine)
    {
        var order = new List<string>();
        var backEdges = new HashSet<(string, string)>();
        Walk(machine, machine.StartAt, order, [], backEdges);
        foreach (var name in machine.States.Keys.Where(n => !order.Contains(n)))
            Walk(machine, name, order, [], backEdges);

        var layer = order.ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
        foreach (var name in TopologicalOrder(machine, order, backEdges))
        {
            foreach (var (next, _) in Transitions(machine.States[name]))
            {
                if (!backEdges.Contains((name, next)) && layer.TryGetValue(next, out var current))
                    layer[next] = Math.Max(current, layer[name] + 1);
            }
        }

        var nodes = order.Select(n => Node(machine.States[n], layer[n])).ToList();
        var layers = nodes.GroupBy(n => n.Layer).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var width = layers.Max(l => l.Sum(n => n.Width) + NodeGap * (l.Count - 1));
        var y = 0.0;
        foreach (var row in layers)
        {
            var x = (width - (row.Sum(n => n.Width) + NodeGap * (row.Count - 1))) / 2;
            var rowHeight = row.Max(n => n.Height);
            foreach (var node in row)
            {
                node.X = x;
                node.Y = y;
                x += node.Width + NodeGap;
            }
            y += rowHeight + LayerGap;
        }

        var byName = nodes.ToDictionary(n => n.Name, StringComparer.Ordinal);
        var edges = new List<GraphEdge>();
        foreach (var node in nodes)
        {
            foreach (var (next, kind) in Transitions(node.State))
            {
                if (byName.TryGetValue(next, out var target))
                    edges.Add(new GraphEdge(node, target, kind, backEdges.Contains((node.Name, next)) || target.Layer <= node.Layer));
            }
        }
        return new GraphLayout(nodes, edges, width, y - LayerGap);
    }

    /// <summary>The transitions of a state in definition order: Next, the Choice rules and Default, then the catchers.</summary>
    public static IEnumerable<(string Next, GraphEdgeKind Kind)> Transitions(StateDefinition state)
    {
        if (state.Next is { } next)
            yield return (next, GraphEdgeKind.Next);
        if (state is ChoiceState choice)
        {
            foreach (var branch in choice.Choices)
                yield return (branch.Next, GraphEdgeKind.Choice);
            if (choice.Default is { } fallback)
                yield return (fallback, GraphEdgeKind.Default);
        }
        var errors = state switch
        {
            TaskState task => task.Errors,
            ParallelState parallel => parallel.Errors,
            MapState map => map.Errors,
            _ => ErrorHandling.None,
        };
        foreach (var catcher in errors.Catch)
            yield return (catcher.Next, GraphEdgeKind.Catch);
    }

    /// <summary>Whether the state ends its machine, branch or iteration (an edge to the end marker).</summary>
    public static bool IsTerminal(StateDefinition state) => state.End || state is SucceedState or FailState;

    /// <summary>The box width that fits <paramref name="text"/> within the bounds; longer text is cut by
    /// <see cref="Fit"/>.</summary>
    public static double TextWidth(string text) => Math.Clamp(text.Length * CharWidth + TextPadding, MinBoxWidth, MaxBoxWidth);

    /// <summary><paramref name="text"/> cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public static string Fit(string text, double width)
    {
        var max = (int)((width - TextPadding) / CharWidth);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, Math.Max(1, max - 1)), "…");
    }

    private static void Walk(StateMachineDefinition machine, string name, List<string> order, HashSet<string> onPath, HashSet<(string, string)> backEdges)
    {
        if (!machine.States.TryGetValue(name, out var state) || order.Contains(name))
            return;
        order.Add(name);
        onPath.Add(name);
        foreach (var (next, _) in Transitions(state))
        {
            if (onPath.Contains(next))
                backEdges.Add((name, next));
            else
                Walk(machine, next, order, onPath, backEdges);
        }
        onPath.Remove(name);
    }

    private static List<string> TopologicalOrder(StateMachineDefinition machine, List<string> order, HashSet<(string, string)> backEdges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var postOrder = new List<string>();
        void Visit(string name)
        {
            if (!done.Add(name))
                return;
            foreach (var (next, _) in Transitions(machine.States[name]))
            {
                if (!backEdges.Contains((name, next)) && machine.States.ContainsKey(next))
                    Visit(next);
            }
            postOrder.Add(name);
        }
        foreach (var name in order)
            Visit(name);
        postOrder.Reverse();
        return postOrder;
    }

    private static GraphNode Node(StateDefinition state, int layer)
    {
        IReadOnlyList<GraphLayout> children = state switch
        {
            ParallelState parallel => [.. parallel.Branches.Select(Of)],
            MapState map => [Of(map.ItemProcessor)],
            _ => [],
        };
        if (children.Count == 0)
            return new GraphNode(state, layer, TextWidth(state.Name), BoxHeight, children);
        var inner = children.Sum(c => c.Width) + BranchGap * (children.Count - 1);
        var width = Math.Max(inner, TextWidth(GroupLabel(state)) - 2 * GroupPadding) + 2 * GroupPadding;
        var height = GroupHeader + children.Max(c => c.Height) + GroupPadding;
        return new GraphNode(state, layer, width, height, children);
    }

    /// <summary>The header of a Parallel or Map box.</summary>
    public static string GroupLabel(StateDefinition state) => $"{state.Name} ({state.Type})";
}
