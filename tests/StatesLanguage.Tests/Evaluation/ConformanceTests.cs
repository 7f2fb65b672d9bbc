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
    public Task Corpus_AllCases_MeetPassRates() =>
        ConformanceSummary.AssertPassRatesAsync(ConformanceCorpus.All, 765, KnownFailures, RequiredCauseRate, output);
}
