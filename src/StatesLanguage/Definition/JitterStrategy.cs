namespace StatesLanguage.Definition;

/// <summary>Retry jitter: NONE keeps the computed delay, FULL draws it uniformly from zero to the delay.</summary>
public enum JitterStrategy
{
    None,
    Full,
}
