namespace StatesLanguage.Server.Api;

/// <summary>The name rule of state machines and executions, as the service model documents it: 1 to 80 characters
/// (the length is a ValidationException, checked by <see cref="RequestReader"/>), none of them white space, a bracket
/// <c>&lt; &gt; { } [ ]</c>, a wildcard <c>? *</c>, one of <c>" # % \ ^ | ~ ` $ &amp; , ; : /</c>, a control character
/// (U+0000-001F, U+007F-009F), U+FFFE, U+FFFF or a lone surrogate (InvalidName).</summary>
public static class ResourceName
{
    private const string Forbidden = "<>{}[]?*\"#%\\^|~`$&,;:/";

    public static bool IsValid(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > 80)
            return false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsWhiteSpace(c) || Forbidden.Contains(c, StringComparison.Ordinal) || c <= '\u001f'
                || c is >= '\u007f' and <= '\u009f' || c is '\ufffe' or '\uffff')
                return false;
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return false;
        }
        return true;
    }

    /// <exception cref="StepFunctionsException">InvalidName.</exception>
    public static void Check(string name)
    {
        if (!IsValid(name))
            throw StepFunctionsErrors.InvalidName(name);
    }
}
