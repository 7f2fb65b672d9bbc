namespace StatesLanguage.Tests.Support;

/// <summary>A fact that is skipped, with a message, when the conformance corpus is not on this machine.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (ConformanceCorpus.Folder is null)
            Skip = ConformanceCorpus.MissingMessage;
    }
}
