namespace StatesLanguage.Tests.Jsonata;

/// <summary>A fact that is skipped, with a message, when the JSONata suite is not on this machine.</summary>
public sealed class JsonataSuiteFactAttribute : FactAttribute
{
    public JsonataSuiteFactAttribute()
    {
        if (JsonataSuite.Folder is null)
            Skip = JsonataSuite.MissingMessage;
    }
}
