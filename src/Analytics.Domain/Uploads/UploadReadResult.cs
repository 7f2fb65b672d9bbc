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

    /// <summary>How many transactions and returns the scanner took and how many it handed to the state machine
    /// (UploadParser.Scanner.cs); for tests and measurements.</summary>
    internal (long Transactions, long Returns, long HandedBack) Scanned { get; init; }
}
