namespace StatesLanguage.Evaluation.Paths;

/// <summary>Bracket segments: quoted names, <c>*</c>, filters, indexes, unions and slices.</summary>
internal static partial class JsonPathParser
{
    private static PathSegment ReadBracket(string text, ref int position)
    {
        position++; // [
        SkipSpaces(text, ref position);
        if (position >= text.Length)
            throw new FormatException($"Unclosed '[' in path '{text}'.");
        PathSegment segment;
        var c = text[position];
        if (c is '\'' or '"')
        {
            segment = new PathSegment.Name(ReadQuoted(text, ref position));
        }
        else if (c == '*')
        {
            position++;
            segment = new PathSegment.Wildcard();
        }
        else if (c == '?')
        {
            position++;
            segment = new PathSegment.Filter(FilterParser.Parse(text, ref position));
        }
        else
        {
            segment = ReadIndexOrSlice(text, ref position);
        }
        SkipSpaces(text, ref position);
        if (position >= text.Length || text[position] != ']')
            throw new FormatException($"Expected ']' at position {position} in path '{text}'.");
        position++;
        return segment;
    }

    private static PathSegment ReadIndexOrSlice(string text, ref int position)
    {
        var parts = new List<int?>();
        var separator = '\0';
        while (true)
        {
            SkipSpaces(text, ref position);
            parts.Add(ReadOptionalInt(text, ref position));
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] is ':' or ',')
            {
                if (separator != '\0' && separator != text[position])
                    throw new FormatException($"Mixed ':' and ',' in path '{text}'.");
                separator = text[position];
                position++;
                continue;
            }
            break;
        }
        if (separator == ':')
        {
            if (parts.Count > 3)
                throw new FormatException($"Too many slice parts in path '{text}'.");
            var step = parts.Count == 3 ? parts[2] ?? 1 : 1;
            if (step == 0)
                throw new FormatException($"Slice step cannot be 0 in path '{text}'.");
            return new PathSegment.Slice(parts[0], parts.Count > 1 ? parts[1] : null, step);
        }
        var indexes = new int[parts.Count];
        for (var i = 0; i < parts.Count; i++)
            indexes[i] = parts[i] ?? throw new FormatException($"Expected an index in path '{text}'.");
        return indexes.Length == 1 ? new PathSegment.Index(indexes[0]) : new PathSegment.Union(indexes);
    }

    private static int? ReadOptionalInt(string text, ref int position)
    {
        var start = position;
        if (position < text.Length && text[position] == '-')
            position++;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
            position++;
        if (position == start)
            return null;
        if (!int.TryParse(text.AsSpan(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new FormatException($"Invalid index in path '{text}'.");
        return value;
    }
}
