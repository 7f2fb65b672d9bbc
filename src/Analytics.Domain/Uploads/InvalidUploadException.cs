namespace Analytics.Domain.Uploads;

/// <summary>
/// The upload file was rejected: nothing of it was stored. Step Functions sees the error name
/// <c>InvalidUploadException</c>, which upload-processor does not retry.
/// </summary>
/// <param name="problems">The problems found, at most the configured cap.</param>
/// <param name="totalProblems">How many problems were found in all (may exceed <paramref name="problems"/>' count).</param>
public sealed class InvalidUploadException(string objectKey, IReadOnlyList<UploadProblem> problems, int totalProblems)
    : AnalyticsException(Describe(objectKey, problems, totalProblems))
{
    public string ObjectKey { get; } = objectKey;
    public IReadOnlyList<UploadProblem> Problems { get; } = problems;
    public int TotalProblems { get; } = totalProblems;

    private static string Describe(string objectKey, IReadOnlyList<UploadProblem> problems, int totalProblems)
    {
        var first = problems.Count > 0 ? $" First: {problems[0].JsonPath}: {problems[0].Message}" : "";
        return $"Upload {objectKey} is invalid: {totalProblems} problem(s).{first}";
    }
}
