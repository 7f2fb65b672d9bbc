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

    /// <summary>Made directly (not through the message templates, which would recurse again).</summary>
    public static JsonataException Overflow(int position) => new("U1001", Message, position);
}
