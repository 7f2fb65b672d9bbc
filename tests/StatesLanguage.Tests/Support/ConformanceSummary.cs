using Xunit.Abstractions;

namespace StatesLanguage.Tests.Support;

/// <summary>Runs a whole recorded corpus and checks its pass rates, printing every case whose cause differs.</summary>
internal static class ConformanceSummary
{
    public static async Task AssertPassRatesAsync(IReadOnlyDictionary<string, ConformanceCase> cases, int expectedCount,
        IReadOnlyDictionary<string, string> knownFailures, double requiredCauseRate, ITestOutputHelper output)
    {
        var outcomes = await Task.WhenAll(cases.Values.Select(ConformanceRunner.RunAsync));
        var failing = outcomes.Where(o => !o.StatusOutputErrorMatch && !knownFailures.ContainsKey(o.Name)).ToList();
        var causeMatches = outcomes.Count(o => o.CauseMatches);
        output.WriteLine($"{outcomes.Length} cases; status/output/error: {outcomes.Count(o => o.StatusOutputErrorMatch)}; exact cause: {causeMatches}");
        foreach (var outcome in outcomes.Where(o => !o.CauseMatches))
            output.WriteLine($"{(outcome.StatusOutputErrorMatch ? "CAUSE" : "FAIL")} {outcome.Name}: {outcome.Detail}");
        Assert.Equal(expectedCount, outcomes.Length);
        Assert.Empty(failing.Select(o => o.Name));
        Assert.True(causeMatches >= requiredCauseRate * outcomes.Length, $"Only {causeMatches} of {outcomes.Length} causes match.");
    }
}
