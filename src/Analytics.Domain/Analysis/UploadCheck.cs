using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Domain.Analysis;

/// <summary>
/// CheckUploads' result, carried in <c>$.uploads</c> for the rest of the run: who was expected to upload the business
/// date, who has not, and whether the run waits for them. Small at any chain size: the expected stores are counted,
/// the missing ones named up to <see cref="MaxListed"/>. When the check itself failed, the state machine's Catch
/// writes only <c>{unknown, error, cause}</c>, which reads as <see cref="Unknown"/> with its error and cause.
/// </summary>
/// <param name="Expected">Stores expected to send the date (<c>AnomalyDetector.ExpectedStores</c>); 0 without enough history.</param>
/// <param name="Arrived">Stores with a day for the date, expected or not.</param>
/// <param name="Missing">The expected stores without a day, by id, the first <see cref="MaxListed"/>.</param>
/// <param name="MissingCount">How many expected stores have no day.</param>
/// <param name="Complete">Every expected store has a day.</param>
/// <param name="CutoffPassed">The cut-off has passed, or none is set: the run stops waiting.</param>
/// <param name="Waited">The execution started before the cut-off, so it could wait for uploads.</param>
/// <param name="CheckedAt">When the check was made.</param>
/// <param name="Cutoff">The cut-off with the chain's offset; null when none is set (no waiting).</param>
/// <param name="Unknown">The check failed, so who uploaded is not known (<paramref name="Error"/>, <paramref name="Cause"/>).</param>
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
    DateTimeOffset? Cutoff = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Unknown = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? Error = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] string? Cause = null)
{
    /// <summary>How many missing stores the result names (the rest are counted): state data stays small at any chain size.</summary>
    public const int MaxListed = 100;

    /// <summary>
    /// What the state machine carried in <c>$.uploads</c>: a check, read with <paramref name="read"/>; or, when the check
    /// failed, the Catch's <c>{unknown, error, cause}</c>, an <see cref="Unknown"/> check of <paramref name="date"/>;
    /// null when there is none.
    /// </summary>
    public static UploadCheck? FromState(JsonElement? state, DateOnly date, DateTimeOffset startedAt, Func<JsonElement, UploadCheck?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (state is not { ValueKind: JsonValueKind.Object } uploads)
        {
            return null;
        }

        return uploads.TryGetProperty("unknown", out var unknown) && unknown.ValueKind == JsonValueKind.True
            ? new UploadCheck(date, 0, 0, [], 0, Complete: false, CutoffPassed: true, Waited: false, startedAt, Unknown: true,
                              Error: Text(uploads, "error"), Cause: Text(uploads, "cause"))
            : read(uploads);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>One line for the log and the CLI, e.g. <c>waited until 09:00; no upload from store-a, store-b (2 of 40 expected)</c>.</summary>
    public string Describe()
    {
        if (Unknown)
        {
            return $"unknown, the check failed: {Error}: {Cause}";
        }

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
