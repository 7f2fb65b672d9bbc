namespace StatesLanguage.Jsonata.Parsing;

internal enum TokenKind
{
    End,
    Name,
    Variable,
    Operator,
    String,
    Number,
    Value,
    Regex,
}
