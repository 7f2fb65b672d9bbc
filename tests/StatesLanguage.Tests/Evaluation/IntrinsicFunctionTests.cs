using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class IntrinsicFunctionTests
{
    private static async Task<JsonNode?> EvaluateAsync(string expression, string input = "{}")
    {
        var definition = Machines.OneState($$"""{"Type":"Pass","Parameters":{"r.$":"{{expression.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}}"},"End":true}""");
        var result = await Machines.RunAsync(definition, input);
        Assert.True(result.Error is null, $"{result.Error}: {result.Cause}");
        return result.Output!["r"];
    }

    [Theory]
    [InlineData("States.Hash('input', 'MD5')", "a43c1b0aa53a0c908810c06ab1ff3967")]
    [InlineData("States.Hash('input', 'SHA-1')", "140f86aae51ab9e1cda9b4254fe98a74eb54c1a1")]
    [InlineData("States.Hash('input', 'SHA-256')", "c96c6d5be8d08a12e7b5cdc1b207fa6b2430974c86803d8891675e76fd992c20")]
    [InlineData("States.Base64Encode('Data to encode')", "RGF0YSB0byBlbmNvZGU=")]
    [InlineData("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "Data to encode")]
    [InlineData("States.Format('a\\{b\\} {} \\'q\\'', 'x')", "a{b} x 'q'")]
    public async Task StringResults_MatchAws(string expression, string expected) =>
        Assert.Equal(expected, (await EvaluateAsync(expression))!.GetValue<string>());

    [Theory]
    [InlineData("States.ArrayRange(1, 9, 2)", "[1,3,5,7,9]")]
    [InlineData("States.ArrayPartition(States.Array(1,2,3,4,5), 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("States.ArrayUnique(States.Array(1,2,1,'a','a'))", "[1,2,\"a\"]")]
    [InlineData("States.MathAdd(1.49, 1.5)", "3")]
    [InlineData("States.MathAdd(-1.5, 0)", "-1")]
    [InlineData("States.StringSplit('This.is+a,test=string', '.+,=')", "[\"This\",\"is\",\"a\",\"test\",\"string\"]")]
    [InlineData("States.StringSplit(',,,,', ',')", "[]")]
    [InlineData("States.StringToJson(' ')", "null")]
    [InlineData("States.JsonMerge(States.StringToJson('{\"a\":1,\"b\":{\"c\":1}}'), States.StringToJson('{\"b\":{\"d\":2}}'), false)", "{\"a\":1,\"b\":{\"d\":2}}")]
    [InlineData("States.ArrayGetItem(States.Array(5,6,7), 1)", "6")]
    [InlineData("States.ArrayLength(States.Array(5,6,7))", "3")]
    [InlineData("States.ArrayContains(States.Array(5,6,7), 6)", "true")]
    public async Task JsonResults_MatchAws(string expression, string expected) =>
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse(expected), await EvaluateAsync(expression)), expression);

    [Fact]
    public async Task Uuid_IsVersion4()
    {
        var value = (await EvaluateAsync("States.UUID()"))!.GetValue<string>();
        Assert.True(Guid.TryParse(value, out var guid));
        Assert.Equal(4, guid.Version);
    }

    [Fact]
    public async Task MathRandom_StaysInRange()
    {
        var value = (await EvaluateAsync("States.MathRandom(1, 10)"))!.GetValue<long>();
        Assert.InRange(value, 1, 9);
    }

    [Fact]
    public async Task BadArgument_FailsWithIntrinsicFailure()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","Parameters":{"r.$":"States.ArrayGetItem(States.Array(1), 5)"},"End":true}"""));
        Assert.Equal("States.IntrinsicFailure", result.Error);
    }
}
