namespace StatesLanguage.Evaluation.Jsonata;

/// <summary>The members of <c>$states</c> an expression may read (see <see cref="JsonataQuery"/>): only those are
/// bound, as converting the others would be wasted.</summary>
[Flags]
internal enum StatesMembers
{
    None = 0,
    Input = 1,
    Context = 2,
    Result = 4,
    ErrorOutput = 8,
    All = Input | Context | Result | ErrorOutput,
}
