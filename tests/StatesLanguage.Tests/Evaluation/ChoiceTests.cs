using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class ChoiceTests
{
    private static async Task<string> BranchAsync(string rule, string input)
    {
        var definition = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[""" + rule[..^1]
            + ""","Next":"Yes"}],"Default":"No"},"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""";
        var result = await Machines.RunAsync(definition, input);
        Assert.Null(result.Error);
        return result.Output!.GetValue<string>();
    }

    [Theory]
    [InlineData("log-*.txt", "log-2024.txt", "yes")]
    [InlineData("log-*.txt", "log-.txt", "yes")]
    [InlineData("log-*.txt", "log-2024.csv", "no")]
    [InlineData("*", "", "yes")]
    [InlineData(@"a\\*b", "a*b", "yes")]
    [InlineData(@"a\\*b", "axxb", "no")]
    [InlineData("a*b*c", "aXbYc", "yes")]
    [InlineData("a*b*c", "aXbY", "no")]
    public async Task StringMatches_Wildcards_MatchAsAws(string pattern, string value, string expected) =>
        Assert.Equal(expected, await BranchAsync($$"""{"Variable":"$.v","StringMatches":"{{pattern}}"}""", $$"""{"v":"{{value}}"}"""));

    [Theory]
    [InlineData("\"2016-03-14T01:59:00Z\"", "true", "yes")]
    [InlineData("\"2016-03-14T01:59:00.123456789+02:00\"", "true", "yes")]
    [InlineData("\"2016-03-14 01:59:00Z\"", "true", "no")]
    [InlineData("\"2016-03-14T01:59:00\"", "true", "no")]
    [InlineData("\"2016-13-14T01:59:00Z\"", "true", "no")]
    [InlineData("12", "true", "no")]
    [InlineData("12", "false", "yes")]
    public async Task IsTimestamp_StrictIsoFormat(string value, string flag, string expected) =>
        Assert.Equal(expected, await BranchAsync($$"""{"Variable":"$.v","IsTimestamp":{{flag}}}""", $$"""{"v":{{value}}}"""));

    [Fact]
    public async Task IsNullFalse_OnNumber_Matches() =>
        Assert.Equal("yes", await BranchAsync("""{"Variable":"$.v","IsNull":false}""", """{"v":0}"""));

    [Fact]
    public async Task AndOrNot_Combined_Evaluate() =>
        Assert.Equal("yes", await BranchAsync(
            """{"And":[{"Variable":"$.a","NumericGreaterThanPath":"$.b"},{"Not":{"Variable":"$.s","StringEquals":"x"}},{"Or":[{"Variable":"$.t","TimestampLessThan":"2020-01-01T00:00:00Z"},{"Variable":"$.a","IsString":true}]}]}""",
            """{"a":5,"b":3,"s":"y","t":"2019-05-01T00:00:00Z"}"""));

    [Fact]
    public async Task NoMatchNoDefault_FailsWithNoChoiceMatched()
    {
        var result = await Machines.RunAsync("""
            {"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.v","BooleanEquals":true,"Next":"Y"}]},"Y":{"Type":"Succeed"}}}
            """, """{"v":false}""");
        Assert.Equal("States.NoChoiceMatched", result.Error);
    }
}
