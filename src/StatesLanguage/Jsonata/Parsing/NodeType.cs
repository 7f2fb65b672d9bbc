namespace StatesLanguage.Jsonata.Parsing;

internal enum NodeType
{
    // Produced by the parser and replaced by the post-parse stage.
    Binary,
    Operator,
    End,

    // Evaluated.
    Path,
    Name,
    String,
    Number,
    Value,
    Wildcard,
    Descendant,
    Parent,
    Variable,
    Regex,
    Negate,
    ArrayConstructor,
    ObjectConstructor,
    Condition,
    Block,
    Bind,
    Function,
    Partial,
    Lambda,
    Apply,
    Transform,
    Sort,
    PartialPlaceholder,
}
