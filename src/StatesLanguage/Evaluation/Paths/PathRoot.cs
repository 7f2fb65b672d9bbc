namespace StatesLanguage.Evaluation.Paths;

/// <summary>What a path starts from: <c>$</c> (state data), <c>$$</c> (the context object) or <c>$name</c> (a variable).</summary>
internal enum PathRoot
{
    Input,
    Context,
    Variable,
}
