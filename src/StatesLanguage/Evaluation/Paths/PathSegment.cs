namespace StatesLanguage.Evaluation.Paths;

/// <summary>One step of a compiled JSONPath. Only <see cref="Name"/> and <see cref="Index"/> are definite.</summary>
internal abstract class PathSegment
{
    public virtual bool IsDefinite => false;

    /// <summary>The segment in Jayway's bracket notation, used in AWS error messages (<c>['name']</c>, <c>[3]</c>).</summary>
    public abstract string Render();

    public sealed class Name(string name) : PathSegment
    {
        public string Value { get; } = name;
        public override bool IsDefinite => true;
        public override string Render() => $"['{Value}']";
    }

    public sealed class Index(int index) : PathSegment
    {
        public int Value { get; } = index;
        public override bool IsDefinite => true;
        public override string Render() => $"[{Value.ToString(CultureInfo.InvariantCulture)}]";
    }

    public sealed class Wildcard : PathSegment
    {
        public override string Render() => "[*]";
    }

    public sealed class RecursiveName(string? name) : PathSegment
    {
        /// <summary>Null for <c>..*</c>.</summary>
        public string? Value { get; } = name;
        public override string Render() => Value is null ? "..[*]" : $"..['{Value}']";
    }

    public sealed class Slice(int? start, int? end, int step) : PathSegment
    {
        public int? Start { get; } = start;
        public int? End { get; } = end;
        public int Step { get; } = step;
        public override string Render() => $"[{Start}:{End}]";
    }

    public sealed class Union(int[] indexes) : PathSegment
    {
        public IReadOnlyList<int> Indexes { get; } = indexes;
        public override string Render() => "[" + string.Join(",", Indexes) + "]";
    }

    public sealed class Filter(FilterExpression expression) : PathSegment
    {
        public FilterExpression Expression { get; } = expression;
        public override string Render() => "[?]";
    }
}
