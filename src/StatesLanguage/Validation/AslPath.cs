using System.Text;

namespace StatesLanguage.Validation;

/// <summary>
/// The JSON paths of <see cref="AslDiagnostic.Path"/>: <c>$</c>, then <c>.Name</c> for a member whose name is plain,
/// <c>['a.b']</c> for one whose name has a dot, a bracket, a quote or a backslash (or is empty), and <c>[2]</c> for an
/// array index. Built one segment at a time (<see cref="Member"/>), so a path always splits back into the segments it
/// was made of (<see cref="Segments"/>), whatever the state names are; <see cref="ToLocation"/> gives AWS's form
/// (<c>/States/Fetch/Next</c>).
/// </summary>
public static class AslPath
{
    /// <summary>The path of member <paramref name="name"/> of the element at <paramref name="parent"/>.</summary>
    public static string Member(string parent, string name)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length > 0 && name.AsSpan().IndexOfAny(".[]'\\") < 0)
            return $"{parent}.{name}";
        var quoted = new StringBuilder(parent.Length + name.Length + 4).Append(parent).Append("['");
        foreach (var c in name)
        {
            if (c is '\'' or '\\')
                quoted.Append('\\');
            quoted.Append(c);
        }
        return quoted.Append("']").ToString();
    }

    /// <summary>The member names and array indexes of <paramref name="path"/>; empty for <c>$</c>.</summary>
    /// <exception cref="FormatException">The text is not a path of this form.</exception>
    public static IReadOnlyList<AslPathSegment> Segments(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || path[0] != '$')
            throw new FormatException($"'{path}' does not start with '$'.");
        var segments = new List<AslPathSegment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                if (end < 0)
                    end = path.Length;
                segments.Add(new AslPathSegment(path[(i + 1)..end]));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var name = new StringBuilder();
                var j = i + 2;
                while (j < path.Length && path[j] != '\'')
                {
                    if (path[j] == '\\' && j + 1 < path.Length)
                        j++;
                    name.Append(path[j]);
                    j++;
                }
                if (j + 1 >= path.Length || path[j + 1] != ']')
                    throw new FormatException($"'{path}' has an unterminated quoted name at {i}.");
                segments.Add(new AslPathSegment(name.ToString()));
                i = j + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                if (end < 0 || end == i + 1 || path.AsSpan(i + 1, end - i - 1).ContainsAnyExceptInRange('0', '9')
                    || !int.TryParse(path.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw new FormatException($"'{path}' has an invalid index at {i}.");
                }
                segments.Add(new AslPathSegment(null, index));
                i = end + 1;
            }
            else
            {
                throw new FormatException($"'{path}' has an unexpected '{path[i]}' at {i}.");
            }
        }
        return segments;
    }

    /// <summary>AWS's location of a diagnostic (ValidateStateMachineDefinition's <c>location</c>, the <c>at …</c> of an
    /// InvalidDefinition message): <c>/</c> before each member name, an index in brackets after its array, as in
    /// <c>/States/Fetch/Next</c>, <c>/States/C/Choices[0]/Next</c> or <c>/States/P/Branches[1]/States/A</c>; null for
    /// the whole definition (<c>$</c>).</summary>
    public static string? ToLocation(string path)
    {
        var segments = Segments(path);
        if (segments.Count == 0)
            return null;
        var location = new StringBuilder();
        foreach (var segment in segments)
        {
            if (segment.Name is { } name)
                location.Append('/').Append(name);
            else
                location.Append('[').Append(segment.Index!.Value.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        return location.ToString();
    }

    /// <summary>As <see cref="ToLocation"/>, or the text itself when it is not a path of this form.</summary>
    internal static string? TryToLocation(string path)
    {
        try
        {
            return ToLocation(path);
        }
        catch (FormatException)
        {
            return path;
        }
    }
}

/// <summary>One step of an <see cref="AslPath"/>: a member <see cref="Name"/>, or an array <see cref="Index"/>.</summary>
public readonly record struct AslPathSegment(string? Name, int? Index = null)
{
    public override string ToString() => Name ?? $"[{Index}]";
}
