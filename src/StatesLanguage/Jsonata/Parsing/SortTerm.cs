namespace StatesLanguage.Jsonata.Parsing;

internal sealed record SortTerm(bool Descending, Node Expression);
