namespace StatesLanguage.Server.Console;

/// <summary>What a transition is: a state's Next, a Choice rule's or its Default, or a catcher's Next.</summary>
internal enum GraphEdgeKind
{
    Next,
    Choice,
    Default,
    Catch,
}
