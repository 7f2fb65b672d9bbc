namespace Analytics.Domain.Uploads;

/// <summary>Keeps the first <c>max</c> problems in file order and counts all of them.</summary>
internal sealed class UploadProblemCollector(int max)
{
    private readonly List<UploadProblem> _problems = [];

    public int Total { get; private set; }

    /// <summary>Whether the next problem will be kept (so its location and path are worth computing).</summary>
    public bool Accepting => _problems.Count < max;

    public IReadOnlyList<UploadProblem> Kept => _problems;

    /// <summary>Counts a problem past the cap without describing it.</summary>
    public void Count() => Total++;

    public void Add(UploadProblem problem)
    {
        Total++;
        if (Accepting)
        {
            _problems.Add(problem);
        }
    }
}
