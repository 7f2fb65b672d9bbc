using StatesLanguage.Tests.Support;
using Xunit.Abstractions;

namespace StatesLanguage.Tests.Evaluation;

/// <summary>The recorded-from-AWS corpus: every case as its own row, plus a summary with the pass rates.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    /// <summary>Cases not expected to pass on status/output/error, each with its reason.</summary>
    private static readonly Dictionary<string, string> KnownFailures = new(StringComparer.Ordinal)
    {
    };

    /// <summary>At least this share of all cases must match AWS's cause text exactly.</summary>
    private const double RequiredCauseRate = 0.95;

    public static TheoryData<string> CaseNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in ConformanceCorpus.All.Keys)
        {
            if (!KnownFailures.ContainsKey(name))
                data.Add(name);
        }
        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(CaseNames))]
    public async Task Case_RecordedOnAws_MatchesStatusOutputAndError(string name)
    {
        var outcome = await ConformanceRunner.RunAsync(ConformanceCorpus.All[name]);
        Assert.True(outcome.StatusOutputErrorMatch, outcome.Detail);
    }

    [CorpusFact]
    public async Task Corpus_AllCases_MeetPassRates()
    {
        var outcomes = await Task.WhenAll(ConformanceCorpus.All.Values.Select(ConformanceRunner.RunAsync));
        var failing = outcomes.Where(o => !o.StatusOutputErrorMatch && !KnownFailures.ContainsKey(o.Name)).ToList();
        var causeMatches = outcomes.Count(o => o.CauseMatches);
        output.WriteLine($"{outcomes.Length} cases; status/output/error: {outcomes.Count(o => o.StatusOutputErrorMatch)}; exact cause: {causeMatches}");
        foreach (var outcome in outcomes.Where(o => !o.CauseMatches))
            output.WriteLine($"{(outcome.StatusOutputErrorMatch ? "CAUSE" : "FAIL")} {outcome.Name}: {outcome.Detail}");
        Assert.Equal(765, outcomes.Length);
        Assert.Empty(failing);
        Assert.True(causeMatches >= RequiredCauseRate * outcomes.Length, $"Only {causeMatches} of {outcomes.Length} causes match.");
    }
}
