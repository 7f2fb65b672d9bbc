using StatesLanguage.Evaluation.Paths;

namespace StatesLanguage.Tests.Parsing;

public sealed class JsonPathParserTests
{
    private static readonly JsonNode Data = JsonNode.Parse("""
        {"a":{"b":[{"c":1,"s":"x"},{"c":2,"s":"y"},{"c":3,"s":"x"}]},"q'k":5,"dash-key":6}
        """)!;

    private static JsonNode? Evaluate(string path)
    {
        Assert.True(JsonPathParser.Parse(path).TryEvaluate(new DataScope(Data, null, null), out var value, out var failure), failure);
        return value;
    }

    [Theory]
    [InlineData("$.a.b[1].c", "2")]
    [InlineData("$['a']['b'][-1].c", "3")]
    [InlineData("$.a.b[*].c", "[1,2,3]")]
    [InlineData("$.a.b[1:].c", "[2,3]")]
    [InlineData("$.a.b[:1].c", "[1]")]
    [InlineData("$.a.b[0,2].c", "[1,3]")]
    [InlineData("$.a.b[?(@.s == 'x')].c", "[1,3]")]
    [InlineData("$.a.b[?(@.c > 1 && @.s != 'y')].c", "[3]")]
    [InlineData("$..c", "[1,2,3]")]
    [InlineData("$['q\\'k']", "5")]
    [InlineData("$.dash-key", "6")]
    [InlineData("$.missing[*]", "[]")]
    public void Evaluate_Path_Selects(string path, string expected) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), Evaluate(path)), path);

    [Theory]
    [InlineData("$.missing", "No results for path: $['missing']")]
    [InlineData("$.no.such", "Missing property in path $['no']")]
    public void Evaluate_MissingDefinitePath_FailsWithJaywayWording(string path, string message)
    {
        Assert.False(JsonPathParser.Parse(path).TryEvaluate(new DataScope(Data, null, null), out _, out var failure));
        Assert.Equal(message, failure);
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.a[")]
    [InlineData("$.a[1:2:0]")]
    [InlineData("$.")]
    public void TryParse_Invalid_Fails(string path) => Assert.False(JsonPathParser.TryParse(path, out _, out _));

    [Fact]
    public void Parse_VariableAndContextRoots_AreRecognised()
    {
        Assert.Equal(PathRoot.Variable, JsonPathParser.Parse("$myVar.x").Root);
        Assert.Equal("myVar", JsonPathParser.Parse("$myVar.x").VariableName);
        Assert.Equal(PathRoot.Context, JsonPathParser.Parse("$$.Execution.Id").Root);
    }
}
