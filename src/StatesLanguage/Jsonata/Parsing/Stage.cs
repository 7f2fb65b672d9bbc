namespace StatesLanguage.Jsonata.Parsing;

/// <summary>A predicate (<c>[expr]</c>) or a position binding (<c>#$i</c>) applied to a step.</summary>
internal sealed record Stage(bool IsIndex, Node? Expression, string? Variable, int Position);
