using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>Finds the variables an expression reads before (or without) binding them itself.</summary>
internal sealed class FreeVariableFinder
{
    private readonly List<HashSet<string>> _scopes = [[]];
    private readonly List<string> _free = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly JsonataFunctionLibrary _library;

    private FreeVariableFinder(JsonataFunctionLibrary library)
    {
        _library = library;
    }

    public static IReadOnlyList<string> Find(Node root, JsonataFunctionLibrary library)
    {
        var finder = new FreeVariableFinder(library);
        finder.Visit(root);
        return finder._free.AsReadOnly();
    }

    private void Bind(string name) => _scopes[^1].Add(name);

    private void Read(string name)
    {
        if (name.Length == 0 || name == "$" || _library.Contains(name))
            return;
        for (var i = _scopes.Count - 1; i >= 0; i--)
        {
            if (_scopes[i].Contains(name))
                return;
        }
        if (_seen.Add(name))
            _free.Add(name);
    }

    private void Scoped(Action action)
    {
        _scopes.Add([]);
        action();
        _scopes.RemoveAt(_scopes.Count - 1);
    }

    private void Visit(Node? node)
    {
        if (node is null)
            return;
        StackGuard.Ensure();
        switch (node.Type)
        {
            case NodeType.Variable:
                Read(node.Text!);
                break;
            case NodeType.Bind:
                Visit(node.Rhs);
                Bind(node.Lhs!.Text!);
                break;
            case NodeType.Block:
                Scoped(() => node.Expressions!.ForEach(Visit));
                break;
            case NodeType.Lambda:
                Scoped(() =>
                {
                    node.Parameters?.ForEach(Bind);
                    Visit(node.Body);
                });
                break;
            case NodeType.Path:
                Scoped(() =>
                {
                    foreach (var step in node.Steps!)
                        VisitStep(step);
                    VisitGroup(node.Group);
                });
                return;
            default:
                Visit(node.Lhs);
                Visit(node.Rhs);
                node.Expressions?.ForEach(Visit);
                if (node.Pairs is not null)
                {
                    foreach (var (key, value) in node.Pairs)
                    {
                        Visit(key);
                        Visit(value);
                    }
                }
                node.Terms?.ForEach(t => Visit(t.Expression));
                Visit(node.Procedure);
                Visit(node.Condition);
                Visit(node.Then);
                Visit(node.Else);
                Visit(node.Pattern);
                Visit(node.Update);
                Visit(node.Delete);
                break;
        }
        VisitStages(node.Predicates);
        VisitGroup(node.Group);
    }

    private void VisitStep(Node step)
    {
        Visit(step);
        if (step.Focus is not null)
            Bind(step.Focus);
        if (step.Index is not null)
            Bind(step.Index);
        VisitStages(step.Stages);
    }

    private void VisitStages(List<Stage>? stages)
    {
        if (stages is null)
            return;
        foreach (var stage in stages)
        {
            if (stage.IsIndex)
                Bind(stage.Variable!);
            else
                Visit(stage.Expression);
        }
    }

    private void VisitGroup(GroupBy? group)
    {
        if (group is null)
            return;
        foreach (var (key, value) in group.Pairs)
        {
            Visit(key);
            Visit(value);
        }
    }
}
