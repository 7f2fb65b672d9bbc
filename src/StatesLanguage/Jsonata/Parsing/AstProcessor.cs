using StatesLanguage.Jsonata.Runtime;

namespace StatesLanguage.Jsonata.Parsing;

/// <summary>
/// The post-parse stage: flattens <c>.</c> chains into path steps, attaches predicates, groupings, sort terms and
/// <c>@</c>/<c>#</c> bindings to their steps, resolves which step each parent operator <c>%</c> refers to, and marks
/// tail calls in lambda bodies. Every node it returns is new, so a raw node may be processed twice.
/// </summary>
internal sealed class AstProcessor
{
    private readonly List<Node> _ancestry = [];
    private int _ancestorLabel;

    public Node ProcessRoot(Node expression)
    {
        var result = Process(expression);
        if (result.Type == NodeType.Parent)
            throw JsonataErrors.Create("S0217", -1, TypeName(result));
        if (result.SeekingParent is not null)
            throw JsonataErrors.Create("S0217", result.Type == NodeType.Path ? -1 : result.Position, TypeName(result));
        return result;
    }

    private Node Process(Node expr)
    {
        StackGuard.Ensure();
        Node result;
        switch (expr.Type)
        {
            case NodeType.Binary:
                result = ProcessBinary(expr);
                break;
            case NodeType.Negate:
                var operand = Process(expr.Lhs!);
                if (operand.Type == NodeType.Number)
                {
                    operand.Literal = -(double)operand.Literal!;
                    result = operand;
                }
                else
                {
                    result = new Node(NodeType.Negate, expr.Position) { Text = "-", Lhs = operand };
                    PushAncestry(result, operand);
                }
                break;
            case NodeType.ArrayConstructor:
                result = new Node(NodeType.ArrayConstructor, expr.Position) { Text = "[", Expressions = [] };
                foreach (var item in expr.Expressions!)
                {
                    var value = Process(item);
                    PushAncestry(result, value);
                    result.Expressions.Add(value);
                }
                break;
            case NodeType.ObjectConstructor:
                result = new Node(NodeType.ObjectConstructor, expr.Position) { Text = "{", Pairs = [] };
                foreach (var (k, v) in expr.Pairs!)
                {
                    var key = Process(k);
                    PushAncestry(result, key);
                    var value = Process(v);
                    PushAncestry(result, value);
                    result.Pairs.Add((key, value));
                }
                break;
            case NodeType.Function or NodeType.Partial:
                result = new Node(expr.Type, expr.Position) { Text = expr.Text, Expressions = [] };
                foreach (var argument in expr.Expressions!)
                {
                    var value = Process(argument);
                    PushAncestry(result, value);
                    result.Expressions.Add(value);
                }
                result.Procedure = Process(expr.Procedure!);
                break;
            case NodeType.Lambda:
                result = new Node(NodeType.Lambda, expr.Position)
                {
                    Parameters = expr.Parameters,
                    Signature = expr.Signature,
                    Body = TailCallOptimize(Process(expr.Body!)),
                };
                break;
            case NodeType.Condition:
                result = new Node(NodeType.Condition, expr.Position) { Condition = Process(expr.Condition!) };
                PushAncestry(result, result.Condition);
                result.Then = Process(expr.Then!);
                PushAncestry(result, result.Then);
                if (expr.Else is not null)
                {
                    result.Else = Process(expr.Else);
                    PushAncestry(result, result.Else);
                }
                break;
            case NodeType.Transform:
                result = new Node(NodeType.Transform, expr.Position)
                {
                    Pattern = Process(expr.Pattern!),
                    Update = Process(expr.Update!),
                    Delete = expr.Delete is null ? null : Process(expr.Delete),
                };
                break;
            case NodeType.Block:
                result = new Node(NodeType.Block, expr.Position) { Expressions = [] };
                foreach (var item in expr.Expressions!)
                {
                    var part = Process(item);
                    PushAncestry(result, part);
                    if (part.ConsArray || (part.Type == NodeType.Path && part.Steps![0].ConsArray))
                        result.ConsArray = true;
                    result.Expressions.Add(part);
                }
                break;
            case NodeType.Name:
                result = new Node(NodeType.Path, expr.Position) { Steps = [Copy(expr)] };
                if (expr.KeepArray)
                    result.KeepSingletonArray = true;
                break;
            case NodeType.Parent:
                result = new Node(NodeType.Parent, expr.Position)
                {
                    Slot = new AncestorSlot("!" + _ancestorLabel++.ToString(CultureInfo.InvariantCulture), 1, _ancestry.Count),
                };
                _ancestry.Add(result);
                break;
            case NodeType.End:
                throw JsonataErrors.Create("S0207", expr.Position, expr.Text);
            case NodeType.Operator:
                result = Process(new Node(NodeType.Name, expr.Position) { Text = expr.Text, KeepArray = expr.KeepArray });
                break;
            default:
                result = Copy(expr);
                break;
        }
        if (expr.KeepArray)
            result.KeepArray = true;
        return result;
    }

    private static Node Copy(Node leaf) => new(leaf.Type, leaf.Position) { Text = leaf.Text, Literal = leaf.Literal, KeepArray = leaf.KeepArray };

    private Node ProcessBinary(Node expr)
    {
        Node result;
        Node step;
        switch (expr.Text)
        {
            case ".":
                var lstep = Process(expr.Lhs!);
                result = lstep.Type == NodeType.Path ? lstep : new Node(NodeType.Path, lstep.Position) { Steps = [lstep] };
                if (lstep.Type == NodeType.Parent)
                    result.SeekingParent = [lstep.Slot!];
                var rest = Process(expr.Rhs!);
                if (rest.Type == NodeType.Path)
                    result.Steps!.AddRange(rest.Steps!);
                else
                {
                    if (rest.Predicates is not null)
                    {
                        rest.Stages = rest.Predicates;
                        rest.Predicates = null;
                    }
                    result.Steps!.Add(rest);
                }
                foreach (var s in result.Steps!)
                {
                    if (s.Type is NodeType.Number or NodeType.Value)
                        throw JsonataErrors.Create("S0213", s.Position, null, s.Literal);
                    if (s.Type == NodeType.String)
                        s.Type = NodeType.Name;
                    if (s.KeepArray)
                        result.KeepSingletonArray = true;
                }
                if (result.Steps[0].Type == NodeType.ArrayConstructor)
                    result.Steps[0].ConsArray = true;
                if (result.Steps[^1].Type == NodeType.ArrayConstructor)
                    result.Steps[^1].ConsArray = true;
                ResolveAncestry(result);
                return result;
            case "[":
                result = Process(expr.Lhs!);
                step = result;
                var onPath = false;
                if (result.Type == NodeType.Path)
                {
                    step = result.Steps![^1];
                    onPath = true;
                }
                if (step.Group is not null)
                    throw JsonataErrors.Create("S0209", expr.Position);
                var predicate = Process(expr.Rhs!);
                if (predicate.SeekingParent is not null)
                {
                    foreach (var slot in predicate.SeekingParent)
                    {
                        if (slot.Level == 1)
                            SeekParent(step, slot);
                        else
                            slot.Level--;
                    }
                    PushAncestry(step, predicate);
                }
                var stage = new Stage(false, predicate, null, expr.Position);
                if (onPath)
                    (step.Stages ??= []).Add(stage);
                else
                    (step.Predicates ??= []).Add(stage);
                return result;
            case "{":
                result = Process(expr.Lhs!);
                if (result.Group is not null)
                    throw JsonataErrors.Create("S0210", expr.Position);
                result.Group = new GroupBy(expr.Pairs!.ConvertAll(p => (Process(p.Key), Process(p.Value))), expr.Position);
                return result;
            case "^":
                result = Process(expr.Lhs!);
                if (result.Type != NodeType.Path)
                    result = new Node(NodeType.Path, result.Position) { Steps = [result] };
                var sort = new Node(NodeType.Sort, expr.Position) { Terms = [] };
                foreach (var term in expr.Terms!)
                {
                    var expression = Process(term.Expression);
                    PushAncestry(sort, expression);
                    sort.Terms.Add(new SortTerm(term.Descending, expression));
                }
                result.Steps!.Add(sort);
                ResolveAncestry(result);
                return result;
            case ":=":
                result = new Node(NodeType.Bind, expr.Position) { Text = ":=", Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Rhs);
                return result;
            case "@":
                result = Process(expr.Lhs!);
                step = result.Type == NodeType.Path ? result.Steps![^1] : result;
                if (step.Stages is not null || step.Predicates is not null)
                    throw JsonataErrors.Create("S0215", expr.Position);
                if (step.Type == NodeType.Sort)
                    throw JsonataErrors.Create("S0216", expr.Position);
                if (expr.KeepArray)
                    step.KeepArray = true;
                step.Focus = expr.Rhs!.Text;
                step.Tuple = true;
                return result;
            case "#":
                result = Process(expr.Lhs!);
                step = result;
                if (result.Type == NodeType.Path)
                    step = result.Steps![^1];
                else
                {
                    result = new Node(NodeType.Path, result.Position) { Steps = [result] };
                    if (step.Predicates is not null)
                    {
                        step.Stages = step.Predicates;
                        step.Predicates = null;
                    }
                }
                if (step.Stages is null)
                    step.Index = expr.Rhs!.Text;
                else
                    step.Stages.Add(new Stage(true, null, expr.Rhs!.Text, expr.Position));
                step.Tuple = true;
                return result;
            case "~>":
                result = new Node(NodeType.Apply, expr.Position) { Text = "~>", Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                result.KeepArray = result.Lhs.KeepArray || result.Rhs.KeepArray;
                return result;
            default:
                result = new Node(NodeType.Binary, expr.Position) { Text = expr.Text, Lhs = Process(expr.Lhs!), Rhs = Process(expr.Rhs!) };
                PushAncestry(result, result.Lhs);
                PushAncestry(result, result.Rhs);
                return result;
        }
    }

    private static Node TailCallOptimize(Node expr)
    {
        switch (expr.Type)
        {
            case NodeType.Function when expr.Predicates is null:
                return new Node(NodeType.Lambda, expr.Position) { Thunk = true, Parameters = [], Body = expr };
            case NodeType.Condition:
                expr.Then = TailCallOptimize(expr.Then!);
                if (expr.Else is not null)
                    expr.Else = TailCallOptimize(expr.Else);
                return expr;
            case NodeType.Block when expr.Expressions!.Count > 0:
                expr.Expressions[^1] = TailCallOptimize(expr.Expressions[^1]);
                return expr;
            default:
                return expr;
        }
    }

    private AncestorSlot SeekParent(Node node, AncestorSlot slot)
    {
        switch (node.Type)
        {
            case NodeType.Name or NodeType.Wildcard:
                slot.Level--;
                if (slot.Level == 0)
                {
                    if (node.Ancestor is not null)
                        _ancestry[slot.Index].Slot!.Label = node.Ancestor.Label;
                    node.Ancestor = slot;
                    node.Tuple = true;
                }
                break;
            case NodeType.Parent:
                slot.Level++;
                break;
            case NodeType.Block:
                if (node.Expressions!.Count > 0)
                {
                    node.Tuple = true;
                    slot = SeekParent(node.Expressions[^1], slot);
                }
                break;
            case NodeType.Path:
                node.Tuple = true;
                var index = node.Steps!.Count - 1;
                slot = SeekParent(node.Steps[index--], slot);
                while (slot.Level > 0 && index >= 0)
                    slot = SeekParent(node.Steps[index--], slot);
                break;
            default:
                throw JsonataErrors.Create("S0217", node.Position, TypeName(node));
        }
        return slot;
    }

    private static void PushAncestry(Node result, Node value)
    {
        if (value.SeekingParent is null && value.Type != NodeType.Parent)
            return;
        var slots = value.SeekingParent ?? [];
        if (value.Type == NodeType.Parent)
            slots.Add(value.Slot!);
        if (result.SeekingParent is null)
            result.SeekingParent = slots;
        else
            result.SeekingParent.AddRange(slots);
    }

    private void ResolveAncestry(Node path)
    {
        var steps = path.Steps!;
        var last = steps[^1];
        var slots = last.SeekingParent ?? [];
        if (last.Type == NodeType.Parent)
            slots.Add(last.Slot!);
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var index = steps.Count - 2;
            while (slot.Level > 0)
            {
                if (index < 0)
                {
                    (path.SeekingParent ??= []).Add(slot);
                    break;
                }
                var step = steps[index--];
                while (index >= 0 && step.Focus is not null && steps[index].Focus is not null)
                    step = steps[index--];
                slot = SeekParent(step, slot);
            }
        }
    }

    private static string TypeName(Node node) => node.Type switch
    {
        NodeType.Negate or NodeType.ArrayConstructor or NodeType.ObjectConstructor => "unary",
        _ => node.Type.ToString().ToLowerInvariant(),
    };
}
