using System.Globalization;
using System.Text;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The upload file was rejected: nothing of it was stored. Step Functions sees the error name
/// <c>InvalidUploadException</c>, which upload-processor does not retry; its message becomes the rejection alert, so it
/// names the file, the store(s) the problems belong to and the first few problems, in a bounded length (at most
/// <see cref="MessageStores"/> stores, <see cref="MessageProblems"/> problems of at most <see cref="MessageProblemLength"/>
/// characters each).
/// </summary>
/// <param name="problems">The problems found, at most the configured cap.</param>
/// <param name="totalProblems">How many problems were found in all (may exceed <paramref name="problems"/>' count).</param>
public sealed class InvalidUploadException(string objectKey, IReadOnlyList<UploadProblem> problems, int totalProblems)
    : AnalyticsException(Describe(objectKey, problems, totalProblems))
{
    /// <summary>How many store ids the message names before "and N more".</summary>
    public const int MessageStores = 5;

    /// <summary>How many problems the message lists.</summary>
    public const int MessageProblems = 3;

    /// <summary>Characters of one problem's text (path and message) the message keeps; longer ones end in "…".</summary>
    public const int MessageProblemLength = 300;

    public string ObjectKey { get; } = objectKey;
    public IReadOnlyList<UploadProblem> Problems { get; } = problems;
    public int TotalProblems { get; } = totalProblems;

    /// <summary>The store ids the problems name, in order of first appearance.</summary>
    public IReadOnlyList<string> StoreIds { get; } = StoresOf(problems);

    private static List<string> StoresOf(IReadOnlyList<UploadProblem> problems) =>
        [.. problems.Select(p => p.StoreId).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static string Describe(string objectKey, IReadOnlyList<UploadProblem> problems, int totalProblems)
    {
        var stores = StoresOf(problems);
        var text = new StringBuilder("Upload ").Append(objectKey);
        if (stores.Count == 0)
        {
            text.Append(" (store unknown)");
        }
        else
        {
            text.Append(stores.Count == 1 ? " (store " : " (stores ").AppendJoin(", ", stores.Take(MessageStores));
            if (stores.Count > MessageStores)
            {
                text.Append(CultureInfo.InvariantCulture, $" and {stores.Count - MessageStores} more");
            }

            text.Append(')');
        }

        text.Append(CultureInfo.InvariantCulture, $" is invalid: {totalProblems} problem(s).");
        var shown = Math.Min(problems.Count, MessageProblems);
        for (var i = 0; i < shown; i++)
        {
            var problem = $"{problems[i].JsonPath}: {problems[i].Message}";
            text.Append(i == 0 ? " First: " : "; ")
                .Append(problem.Length <= MessageProblemLength ? problem : string.Concat(problem.AsSpan(0, MessageProblemLength - 1), "…"));
        }

        if (shown > 0 && totalProblems > shown)
        {
            text.Append(CultureInfo.InvariantCulture, $"; and {totalProblems - shown} more (see the error report).");
        }

        return text.ToString();
    }
}
