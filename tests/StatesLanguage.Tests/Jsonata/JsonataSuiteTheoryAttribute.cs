namespace StatesLanguage.Tests.Jsonata;

/// <summary>A theory that is skipped, with a message, when the JSONata suite is not on this machine.</summary>
public sealed class JsonataSuiteTheoryAttribute : TheoryAttribute
{
    public JsonataSuiteTheoryAttribute()
    {
        if (JsonataSuite.Folder is null)
            Skip = JsonataSuite.MissingMessage;
    }
}
