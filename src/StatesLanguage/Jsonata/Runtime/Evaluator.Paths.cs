using StatesLanguage.Jsonata.Parsing;

namespace StatesLanguage.Jsonata.Runtime;

internal sealed partial class Evaluator
{
    private object? EvaluatePath(Node expr, object? input, Frame environment)
    {
        var steps = expr.Steps!;
        var fromOne = input is not JList || steps[0].Type == NodeType.Variable;
        JList? resultSequence = null;
        object? single = null;
        var first = fromOne ? EvaluateSingleSteps(steps, input, environment, out single, out resultSequence) : 0;
        if (first == steps.Count && resultSequence is null && expr is { KeepArray: false, KeepSingletonArray: false, Predicates: null, Group: null })
            return single; // the sequence of this one value would collapse to it (Evaluate)
        if (first > 0)
            resultSequence ??= JList.Sequence(single);
        var inputSequence = first == 0 ? fromOne ? JList.Sequence(input) : (JList)input! : resultSequence!;
        JList? tupleBindings = null;
        var isTupleStream = false;
        for (var i = first; i < steps.Count && resultSequence is not { Count: 0 }; i++)
        {
            var step = steps[i];
            if (step.Tuple)
                isTupleStream = true;
            if (i == 0 && step.ConsArray)
            {
                var value = Evaluate(step, inputSequence, environment);
                resultSequence = value as JList ?? (value is null ? JList.Sequence() : JList.Sequence(value));
            }
            else if (isTupleStream)
                tupleBindings = EvaluateTupleStep(step, inputSequence, tupleBindings, environment);
            else
                resultSequence = EvaluateStep(step, inputSequence, environment, i == steps.Count - 1);
            if (!isTupleStream && (resultSequence is null || resultSequence.Count == 0))
                break;
            if (step.Focus is null)
                inputSequence = resultSequence!;
        }
        if (isTupleStream)
        {
            if (expr.Tuple)
                resultSequence = tupleBindings;
            else
            {
                resultSequence = new JList(tupleBindings!.Count) { IsSequence = true };
                foreach (var tuple in tupleBindings)
                    resultSequence.Add(((TupleBinding)tuple!).Context);
            }
        }
        if (expr.KeepSingletonArray && resultSequence is not null)
        {
            if (resultSequence is { Cons: true, IsSequence: false })
                resultSequence = JList.Sequence(resultSequence);
            // Only a sequence collapses; a plain array (possibly the caller's shared input) is left untouched.
            if (resultSequence.IsSequence)
                resultSequence.KeepSingleton = true;
        }
        if (expr.Group is { } group)
            return EvaluateGroup(group.Pairs, group.Position, isTupleStream ? tupleBindings : resultSequence, environment);
        return resultSequence;
    }

    /// <summary>
    /// The first steps of a path that starts from one value, while each gives one value (<c>$states.input.run</c>):
    /// evaluated on the value itself, without the sequences of one that <see cref="EvaluateStep"/> makes for them.
    /// Returns how many steps were evaluated; after them the path has <paramref name="value"/> when
    /// <paramref name="sequence"/> is null, else <paramref name="sequence"/>: empty when a step gave nothing, or the
    /// array a step gave, taken as <see cref="EvaluateStep"/> takes it (which ends this).
    /// </summary>
    private int EvaluateSingleSteps(List<Node> steps, object? input, Frame environment, out object? value, out JList? sequence)
    {
        value = input;
        sequence = null;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.Tuple || step.Focus is not null || step.Stages is not null || step.Type == NodeType.Sort || (i == 0 && step.ConsArray))
                return i;
            var result = Evaluate(step, value, environment);
            if (result is null)
            {
                sequence = JList.Sequence();
                return i + 1;
            }
            if (result is JList list)
            {
                var lastStep = i == steps.Count - 1;
                sequence = lastStep && !list.IsSequence ? list : list.Cons ? JList.Sequence(list) : FlattenedSequence(list);
                return i + 1;
            }
            value = result;
        }
        return steps.Count;
    }

    private static JList FlattenedSequence(JList list)
    {
        var sequence = new JList(list.Count) { IsSequence = true };
        sequence.AddRange(list);
        return sequence;
    }

    private JList EvaluateStep(Node step, JList input, Frame environment, bool lastStep)
    {
        if (step.Type == NodeType.Sort)
        {
            var sorted = EvaluateSort(step, input, environment);
            return step.Stages is null ? sorted : EvaluateStages(step.Stages, sorted, environment);
        }
        var result = new JList(input.Count);
        foreach (var item in input)
        {
            var value = Evaluate(step, item, environment);
            if (step.Stages is { } stages)
            {
                foreach (var stage in stages)
                    value = EvaluateFilter(stage.Expression!, value, environment);
            }
            if (value is not null)
                result.Add(value);
        }
        if (lastStep && result.Count == 1 && result[0] is JList { IsSequence: false } single)
            return single;
        if (!HasArraysToFlatten(result))
        {
            result.IsSequence = true; // already the sequence: nothing to flatten into it
            return result;
        }
        var sequence = new JList(result.Count) { IsSequence = true };
        foreach (var value in result)
        {
            if (value is JList { Cons: false } inner)
                sequence.AddRange(inner);
            else
                sequence.Add(value);
        }
        return sequence;
    }

    private static bool HasArraysToFlatten(JList values)
    {
        foreach (var value in values)
        {
            if (value is JList { Cons: false })
                return true;
        }
        return false;
    }

    private JList EvaluateStages(List<Stage> stages, JList input, Frame environment)
    {
        var result = input;
        foreach (var stage in stages)
        {
            if (!stage.IsIndex)
                result = EvaluateFilter(stage.Expression!, result, environment);
            else
            {
                for (var i = 0; i < result.Count; i++)
                    ((TupleBinding)result[i]!)[stage.Variable!] = (double)i;
            }
        }
        return result;
    }

    private JList EvaluateTupleStep(Node step, JList input, JList? tupleBindings, Frame environment)
    {
        JList result;
        if (step.Type == NodeType.Sort)
        {
            if (tupleBindings is not null)
                result = EvaluateSort(step, tupleBindings, environment);
            else
            {
                var sorted = EvaluateSort(step, input, environment);
                result = new JList(sorted.Count) { IsSequence = true, TupleStream = true };
                for (var i = 0; i < sorted.Count; i++)
                {
                    var tuple = new TupleBinding { Context = sorted[i] };
                    if (step.Index is not null)
                        tuple[step.Index] = (double)i;
                    result.Add(tuple);
                }
            }
            return step.Stages is null ? result : EvaluateStages(step.Stages, result, environment);
        }
        result = new JList { IsSequence = true, TupleStream = true };
        if (tupleBindings is null)
        {
            tupleBindings = new JList(input.Count);
            foreach (var item in input)
                tupleBindings.Add(new TupleBinding { Context = item });
        }
        foreach (var item in tupleBindings)
        {
            var binding = (TupleBinding)item!;
            var stepEnvironment = FrameFromTuple(environment, binding);
            var value = Evaluate(step, binding.Context, stepEnvironment);
            if (value is null)
                continue;
            var values = value as JList ?? new JList { value };
            for (var b = 0; b < values.Count; b++)
            {
                var tuple = new TupleBinding(binding);
                if (values.TupleStream)
                {
                    foreach (var (key, bound) in (TupleBinding)values[b]!)
                        tuple[key] = bound;
                }
                else
                {
                    // An empty name ($) binds nothing, as in the reference.
                    if (!string.IsNullOrEmpty(step.Focus))
                    {
                        tuple[step.Focus] = values[b];
                        tuple.Context = binding.Context;
                    }
                    else
                        tuple.Context = values[b];
                    if (!string.IsNullOrEmpty(step.Index))
                        tuple[step.Index] = (double)b;
                    if (step.Ancestor is not null)
                        tuple[step.Ancestor.Label] = binding.Context;
                }
                result.Add(tuple);
            }
        }
        return step.Stages is null ? result : EvaluateStages(step.Stages, result, environment);
    }

    private static Frame FrameFromTuple(Frame environment, TupleBinding tuple)
    {
        var frame = new Frame(environment);
        foreach (var (key, value) in tuple)
            frame.Bind(key, value);
        return frame;
    }

    private JList EvaluateFilter(Node predicate, object? input, Frame environment)
    {
        var results = JList.Sequence();
        var items = input as JList;
        if (items is { TupleStream: true })
            results.TupleStream = true;
        items ??= JList.Sequence(input);
        if (predicate.Type == NodeType.Number)
        {
            var index = (int)Math.Floor((double)predicate.Literal!);
            if (index < 0)
                index += items.Count;
            var item = index >= 0 && index < items.Count ? items[index] : null;
            if (item is JList array)
                return array;
            if (item is not null)
                results.Add(item);
            return results;
        }
        for (var index = 0; index < items.Count; index++)
        {
            var item = items[index];
            var context = item;
            var frame = environment;
            if (items.TupleStream)
            {
                var tuple = (TupleBinding)item!;
                context = tuple.Context;
                frame = FrameFromTuple(environment, tuple);
            }
            var value = Evaluate(predicate, context, frame);
            if (value is double number)
            {
                if (Matches(number, index, items.Count))
                    results.Add(item);
            }
            else if (value is JList numbers && numbers.Count > 0 && JsonataValues.IsArrayOfNumbers(numbers))
            {
                foreach (var n in numbers)
                {
                    if (Matches((double)n!, index, items.Count))
                        results.Add(item);
                }
            }
            else if (value is JList { Count: 0 })
            {
                // An empty array selects nothing.
            }
            else if (Truthy(value))
                results.Add(item);
        }
        return results;
    }

    private static bool Matches(double position, int index, int count)
    {
        var i = Math.Floor(position);
        if (i < 0)
            i += count;
        return i == index;
    }

    private JList EvaluateSort(Node node, JList input, Frame environment)
    {
        if (input.Count <= 1)
            return input;
        var isTupleSort = input.TupleStream;
        var terms = node.Terms!;
        int Compare(object? a, object? b)
        {
            for (var index = 0; index < terms.Count; index++)
            {
                var term = terms[index];
                var aa = isTupleSort
                    ? Evaluate(term.Expression, ((TupleBinding)a!).Context, FrameFromTuple(environment, (TupleBinding)a))
                    : Evaluate(term.Expression, a, environment);
                var bb = isTupleSort
                    ? Evaluate(term.Expression, ((TupleBinding)b!).Context, FrameFromTuple(environment, (TupleBinding)b))
                    : Evaluate(term.Expression, b, environment);
                if (aa is null)
                {
                    if (bb is null)
                        continue;
                    return 1;
                }
                if (bb is null)
                    return -1;
                if (aa is not (string or double) || bb is not (string or double))
                    throw JsonataErrors.Create("T2008", node.Position, null, aa is not (string or double) ? aa : bb);
                if (aa.GetType() != bb.GetType())
                    throw JsonataErrors.Create("T2007", node.Position, null, aa, Value2(bb));
                var comparison = aa is string sa ? string.CompareOrdinal(sa, (string)bb) : ((double)aa).CompareTo((double)bb);
                if (comparison == 0)
                    continue;
                comparison = comparison < 0 ? -1 : 1;
                return term.Descending ? -comparison : comparison;
            }
            return 0;
        }
        var sorted = MergeSort(input, (a, b) => Compare(a, b) > 0);
        sorted.TupleStream = isTupleSort;
        sorted.IsSequence = isTupleSort;
        return sorted;
    }

    private static Dictionary<string, object?> Value2(object? value) => new(StringComparer.Ordinal) { ["value2"] = value };

    /// <summary>A stable merge sort; <paramref name="swap"/>(a, b) is true when a must come after b.</summary>
    public static JList MergeSort(List<object?> items, Func<object?, object?, bool> swap)
    {
        var array = items.ToArray();
        var buffer = new object?[array.Length];
        SortRange(array, buffer, 0, array.Length, swap);
        return new JList(array);
    }

    private static void SortRange(object?[] array, object?[] buffer, int start, int end, Func<object?, object?, bool> swap)
    {
        if (end - start <= 1)
            return;
        var middle = start + ((end - start) / 2);
        SortRange(array, buffer, start, middle, swap);
        SortRange(array, buffer, middle, end, swap);
        int left = start, right = middle, k = start;
        while (left < middle && right < end)
            buffer[k++] = swap(array[left], array[right]) ? array[right++] : array[left++];
        while (left < middle)
            buffer[k++] = array[left++];
        while (right < end)
            buffer[k++] = array[right++];
        Array.Copy(buffer, start, array, start, end - start);
    }
}
