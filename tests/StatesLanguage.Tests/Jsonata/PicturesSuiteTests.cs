using Xunit.Abstractions;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>
/// The JSONata suite's groups for the picture functions, run straight against <see cref="StatesLanguage.Jsonata.Pictures"/>
/// for every case that is a call with literal arguments (see <see cref="PictureCallReader"/>); the rest wait for the
/// evaluator and are listed by the summary.
/// </summary>
public sealed class PicturesSuiteTests(ITestOutputHelper output)
{
    /// <summary>Each group with how many of its cases must pass here.</summary>
    private static readonly Dictionary<string, int> Floors = new(StringComparer.Ordinal)
    {
        ["function-formatNumber"] = 45,
        ["function-formatInteger"] = 65,
        ["function-parseInteger"] = 61,
        ["function-fromMillis"] = 92,
        ["function-tomillis"] = 58,
    };

    /// <summary>Readable cases not expected to pass, each with its reason.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal)
    {
    };

    private static readonly Lazy<IReadOnlyList<PictureSuiteOutcome>> Outcomes =
        new(() => [.. Floors.Keys.SelectMany(PictureSuite.Group).Select(PictureSuiteOutcome.Run)]);

    public static TheoryData<string> ReadableCases()
    {
        var data = new TheoryData<string>();
        foreach (var outcome in Outcomes.Value)
        {
            if (outcome.Readable && !KnownFailures.ContainsKey(outcome.Case.Name))
                data.Add(outcome.Case.Name);
        }
        return data;
    }

    [JsonataSuiteTheory]
    [MemberData(nameof(ReadableCases))]
    public void Case_ReadAsDirectCall_GivesTheSuitesResult(string name)
    {
        var outcome = PictureSuiteOutcome.Run(Outcomes.Value.Single(o => o.Case.Name == name).Case);
        Assert.True(outcome.Passed, outcome.Detail);
    }

    [JsonataSuiteFact]
    public void Groups_ReadableCases_MeetPassFloors()
    {
        var shortfalls = new List<string>();
        foreach (var (group, floor) in Floors)
        {
            var outcomes = Outcomes.Value.Where(o => o.Case.Name.StartsWith(group + "/", StringComparison.Ordinal)).ToList();
            var passed = outcomes.Count(o => o.Passed);
            output.WriteLine($"{group}: {outcomes.Count} cases, {outcomes.Count(o => o.Readable)} readable, {passed} pass (floor {floor})");
            foreach (var outcome in outcomes.Where(o => !o.Passed))
                output.WriteLine($"  {(outcome.Readable ? "FAIL" : "UNREAD")} {outcome.Case.Name}: {outcome.Case.Expression.ReplaceLineEndings(" ")} — {outcome.Detail}");
            if (passed < floor)
                shortfalls.Add($"{group}: {passed} < {floor}");
        }
        Assert.Empty(shortfalls);
    }
}
