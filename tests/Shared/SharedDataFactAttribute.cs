namespace Analytics.Testing;

/// <summary>A fact that needs <see cref="SharedFolder"/>: skipped, with the reason, where the folder is missing.</summary>
internal sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedFolder.Directory is null)
        {
            Skip = SharedFolder.SkipReason;
        }
    }
}
