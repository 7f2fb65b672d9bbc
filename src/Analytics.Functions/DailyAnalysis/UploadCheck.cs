using System.Globalization;

namespace Analytics.Functions.DailyAnalysis;

/// <summary>
/// CheckUploads' result, carried in <c>$.uploads</c> for the rest of the run: who was expected to upload the business
/// date, who has not, and whether the run waits for them. Small at any chain size: the expected stores are counted,
/// the missing ones named up to <see cref="CheckUploadsStep.MaxListed"/>.
/// </summary>
/// <param name="Expected">Stores expected to send the date (<c>AnomalyDetector.ExpectedStores</c>); 0 without enough history.</param>
/// <param name="Arrived">Stores with a day for the date, expected or not.</param>
/// <param name="Missing">The expected stores without a day, by id, the first <see cref="CheckUploadsStep.MaxListed"/>.</param>
/// <param name="MissingCount">How many expected stores have no day.</param>
/// <param name="Complete">Every expected store has a day.</param>
/// <param name="CutoffPassed">The cut-off has passed, or none is set: the run stops waiting.</param>
/// <param name="Waited">The execution started before the cut-off, so it could wait for uploads.</param>
/// <param name="CheckedAt">When the check was made.</param>
/// <param name="Cutoff">The cut-off with the chain's offset; null when none is set (no waiting).</param>
public sealed record UploadCheck(
    DateOnly Date,
    int Expected,
    int Arrived,
    IReadOnlyList<string> Missing,
    int MissingCount,
    bool Complete,
    bool CutoffPassed,
    bool Waited,
    DateTimeOffset CheckedAt,
    DateTimeOffset? Cutoff = null)
{
    /// <summary>One line for the log and the CLI, e.g. <c>waited until 09:00; no upload from store-a, store-b (2 of 40 expected)</c>.</summary>
    public string Describe()
    {
        if (Complete)
        {
            return string.Create(CultureInfo.InvariantCulture, $"uploads complete: all {Expected} expected stores have sent {Date:yyyy-MM-dd} ({Arrived} stores in all)");
        }

        var wait = Cutoff is not { } cutoff ? "no upload cut-off set, did not wait"
            : !CutoffPassed ? string.Create(CultureInfo.InvariantCulture, $"waiting until {cutoff:HH:mm}")
            : Waited ? string.Create(CultureInfo.InvariantCulture, $"waited until {cutoff:HH:mm}")
            : string.Create(CultureInfo.InvariantCulture, $"the upload cut-off {cutoff:HH:mm} had passed when the run started");
        var more = MissingCount > Missing.Count ? string.Create(CultureInfo.InvariantCulture, $" and {MissingCount - Missing.Count} more") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{wait}; no upload {(CutoffPassed ? "" : "yet ")}from {string.Join(", ", Missing)}{more} ({MissingCount} of {Expected} expected)");
    }
}
