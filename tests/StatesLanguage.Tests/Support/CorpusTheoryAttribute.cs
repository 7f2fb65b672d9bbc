namespace StatesLanguage.Tests.Support;

/// <summary>A theory that is skipped, with a message, when the conformance corpus is not on this machine.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (ConformanceCorpus.Folder is null)
            Skip = ConformanceCorpus.MissingMessage;
    }
}
