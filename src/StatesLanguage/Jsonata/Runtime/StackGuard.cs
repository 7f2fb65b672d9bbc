using System.Runtime.CompilerServices;

namespace StatesLanguage.Jsonata.Runtime;

/// <summary>Turns a recursion about to exhaust the thread's stack into a JSONata error (U1001) instead of a crash.</summary>
internal static class StackGuard
{
    public const string Message = "Stack overflow error: Check for non-terminating recursive function.  Consider rewriting as tail-recursive.";

    public static void Ensure()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
            throw Overflow(-1);
    }

    /// <summary>How many levels of a recursion over values may pass between two checks. The check reads thread-local
    /// state (a measurable part of converting values), and the stack it ensures is far more than this many small
    /// frames take.</summary>
    public const int LevelsPerCheck = 16;

    /// <summary><see cref="Ensure"/> at every <see cref="LevelsPerCheck"/>-th level of a recursion (from level 0).</summary>
    public static void EnsureAtLevel(int depth)
    {
        if (depth % LevelsPerCheck == 0)
            Ensure();
    }

    /// <summary>Made directly (not through the message templates, which would recurse again).</summary>
    public static JsonataException Overflow(int position) => new("U1001", Message, position);
}
