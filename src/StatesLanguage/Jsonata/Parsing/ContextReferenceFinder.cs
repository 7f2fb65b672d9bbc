using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>
/// Finds what an expression reads from outside itself besides variables: names looked up in the input it is evaluated
/// against (<c>phone</c>, <c>$count(items)</c>), uses of the root input <c>$$</c>, and the members read straight off a
/// variable (<c>$states.result</c> reads <c>result</c> of <c>states</c>).
/// Only the first step of a path reads the input; later steps, predicates, sort terms and groupings read what the
/// step before them produced. A lambda's body reads the input of the place that defines it, as the lambda does.
/// </summary>
internal sealed class ContextReferenceFinder
{
    private readonly List<string> _inputNames = [];
    private readonly Dictionary<string, List<string>> _members = new(StringComparer.Ordinal);
    private bool _readsRoot;

    private ContextReferenceFinder()
    {
    }

    public static ContextReferences Find(Node root)
    {
        var finder = new ContextReferenceFinder();
        finder.Visit(root, readsInput: true);
        return new ContextReferences(finder._inputNames, finder._readsRoot, finder._members);
    }

    private void Visit(Node? node, bool readsInput)
    {
        if (node is null)
            return;
        StackGuard.Ensure();
        switch (node.Type)
        {
            case NodeType.Path:
                VisitPath(node, readsInput);
                return;
            case NodeType.Name when readsInput:
                AddOnce(_inputNames, node.Text!);
                break;
            case NodeType.Variable when node.Text == "$":
                _readsRoot = true;
                break;
            case NodeType.Lambda:
                Visit(node.Body, readsInput);
                break;
            case NodeType.Sort:
                Visit(node.Lhs, readsInput);
                node.Terms?.ForEach(t => Visit(t.Expression, readsInput: false));
                break;
            case NodeType.Transform:
                // A transform is a function of the value it is applied to: its parts read that value.
                Visit(node.Pattern, readsInput: false);
                Visit(node.Update, readsInput: false);
                Visit(node.Delete, readsInput: false);
                break;
            default:
                Visit(node.Lhs, readsInput);
                Visit(node.Rhs, readsInput);
                node.Expressions?.ForEach(e => Visit(e, readsInput));
                if (node.Pairs is not null)
                {
                    foreach (var (key, value) in node.Pairs)
                    {
                        Visit(key, readsInput);
                        Visit(value, readsInput);
                    }
                }
                Visit(node.Procedure, readsInput);
                Visit(node.Condition, readsInput);
                Visit(node.Then, readsInput);
                Visit(node.Else, readsInput);
                break;
        }
        VisitStages(node.Predicates);
        VisitGroup(node.Group);
    }

    private void VisitPath(Node path, bool readsInput)
    {
        var steps = path.Steps!;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            Visit(step, readsInput && i == 0);
            VisitStages(step.Stages);
            if (i == 0 && step.Type == NodeType.Variable && steps.Count > 1 && steps[1].Type == NodeType.Name)
                AddOnce(Members(step.Text!), steps[1].Text!);
        }
        VisitGroup(path.Group);
    }

    private List<string> Members(string variable)
    {
        if (!_members.TryGetValue(variable, out var names))
            _members[variable] = names = [];
        return names;
    }

    private void VisitStages(List<Stage>? stages) => stages?.ForEach(s => Visit(s.Expression, readsInput: false));

    private void VisitGroup(GroupBy? group)
    {
        if (group is null)
            return;
        foreach (var (key, value) in group.Pairs)
        {
            Visit(key, readsInput: false);
            Visit(value, readsInput: false);
        }
    }

    private static void AddOnce(List<string> names, string name)
    {
        if (!names.Contains(name, StringComparer.Ordinal))
            names.Add(name);
    }
}

/// <summary>What <see cref="ContextReferenceFinder"/> found in one expression.</summary>
internal sealed record ContextReferences(IReadOnlyList<string> InputNames, bool ReadsRoot, IReadOnlyDictionary<string, List<string>> Members);
