namespace Analytics.Testing;

/// <summary>A theory that needs <see cref="SharedFolder"/>: skipped, with the reason, where the folder is missing.</summary>
internal sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (SharedFolder.Directory is null)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}
