namespace Analytics.Domain.Uploads;

/// <summary>Limits applied when reading upload files. Bound from configuration section <c>Uploads</c>.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>How many problems a rejection lists; counting goes on past it.</summary>
    public int MaxProblems { get; set; } = 100;

    /// <summary>How far a timestamp may lie ahead of the clock (clock skew between tills and the server).</summary>
    public TimeSpan FutureTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
