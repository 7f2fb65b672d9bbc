using System.Text;
using Xunit.Abstractions;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>
/// The JSONata language suite: one row per case that is expected to pass (skipped groups and the known failures
/// in <see cref="JsonataSuiteKnownFailures"/> are left out of the rows), and a summary that prints the pass count
/// per group and keeps the overall rate from falling.
/// </summary>
public sealed class JsonataSuiteTests(ITestOutputHelper output)
{
    /// <summary>The pass rate reached over the cases run, the picture functions' groups apart (another change owns
    /// <c>Pictures</c>; their count is printed, not asserted). Every such case passes.</summary>
    private const double MinimumPassRate = 1.0;

    public static TheoryData<string> PassingCases()
    {
        var data = new TheoryData<string>();
        foreach (var (name, testCase) in JsonataSuite.All)
        {
            if (JsonataSuite.SkipReason(testCase) is null && !JsonataSuiteKnownFailures.Names.Contains(name))
                data.Add(name);
        }
        if (data.Count == 0)
            data.Add("(none)");
        return data;
    }

    [JsonataSuiteTheory]
    [MemberData(nameof(PassingCases))]
    public void Case_Passes(string name)
    {
        if (!JsonataSuite.All.TryGetValue(name, out var testCase))
            return;
        var failure = JsonataSuite.Run(testCase);
        Assert.True(failure is null, $"{name}: {testCase.Expression}\n{failure}");
    }

    [JsonataSuiteFact]
    public void Suite_PassRate_DoesNotFall()
    {
        Assert.NotNull(JsonataSuite.Folder);
        var perGroup = new SortedDictionary<string, (int Passed, int Run, int Skipped)>(StringComparer.Ordinal);
        var failures = new StringBuilder();
        foreach (var (name, testCase) in JsonataSuite.All)
        {
            var counts = perGroup.GetValueOrDefault(testCase.Group);
            if (JsonataSuite.SkipReason(testCase) is not null)
            {
                perGroup[testCase.Group] = counts with { Skipped = counts.Skipped + 1 };
                continue;
            }
            string? failure;
            try
            {
                failure = JsonataSuite.Run(testCase);
            }
            catch (Exception error) when (error is not OutOfMemoryException)
            {
                failure = error.GetType().Name + ": " + error.Message;
            }
            if (failure is not null)
                failures.Append(name).Append(" | ").Append(testCase.Expression.ReplaceLineEndings(" ")).Append(" | ").AppendLine(failure);
            perGroup[testCase.Group] = counts with { Passed = counts.Passed + (failure is null ? 1 : 0), Run = counts.Run + 1 };
        }
        int passed = 0, run = 0, skipped = 0, picturesPassed = 0, picturesRun = 0;
        foreach (var (group, counts) in perGroup)
        {
            if (JsonataSuite.PictureGroups.Contains(group))
            {
                picturesPassed += counts.Passed;
                picturesRun += counts.Run;
            }
            else
            {
                passed += counts.Passed;
                run += counts.Run;
            }
            skipped += counts.Skipped;
            output.WriteLine($"{group}: {counts.Passed}/{counts.Run} passed, {counts.Skipped} skipped");
        }
        var rate = run == 0 ? 0 : (double)passed / run;
        output.WriteLine($"Language and library (picture functions apart): {passed}/{run} passed ({rate:P2})");
        output.WriteLine($"Picture functions: {picturesPassed}/{picturesRun} passed");
        output.WriteLine($"Overall: {passed + picturesPassed}/{run + picturesRun} passed, {skipped} skipped (of {JsonataSuite.All.Count})");
        output.WriteLine(failures.ToString());
        Assert.True(rate >= MinimumPassRate, $"Pass rate {rate:P2} fell below {MinimumPassRate:P2}.");
    }
}
