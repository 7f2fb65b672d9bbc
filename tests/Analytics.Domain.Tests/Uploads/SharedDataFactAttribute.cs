namespace Analytics.Domain.Tests.Uploads;

/// <summary>A fact that needs the team's shared data sets; skipped with a message when the folder is not there.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Directory is null)
        {
            Skip = "The shared data folder (../shared beside the directory of Analytics.sln) is not present.";
        }
    }
}
