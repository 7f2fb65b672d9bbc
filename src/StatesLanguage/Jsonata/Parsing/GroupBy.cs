namespace StatesLanguage.Jsonata.Parsing;

internal sealed record GroupBy(List<(Node Key, Node Value)> Pairs, int Position);
