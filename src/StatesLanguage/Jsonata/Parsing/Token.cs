namespace StatesLanguage.Jsonata.Parsing;

/// <summary>A lexical token; <see cref="Position"/> is the offset just past it, as the reference reports positions.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, object? Literal, int Position);
