namespace Analytics.Domain.Uploads;

/// <summary>What reading one upload file found. The file is valid when <see cref="TotalProblems"/> is 0.</summary>
public sealed record UploadReadResult(
    long Bytes,
    int StoreDays,
    int Transactions,
    long Units,
    decimal NetRevenue,
    IReadOnlyList<UploadProblem> Problems,
    int TotalProblems)
{
    public bool IsValid => TotalProblems == 0;
}
