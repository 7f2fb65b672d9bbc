using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>Regex literals keep their JavaScript meaning where .NET's differs.</summary>
public sealed class JsRegexTests
{
    [Theory]
    [InlineData("$contains('ab\\n', /b$/)", "false")]
    [InlineData("$contains('ab', /b$/)", "true")]
    [InlineData("$contains('ab\\ncd', /b$/m)", "true")]
    [InlineData("$contains('a\\rb', /a.b/)", "false")]
    [InlineData("$contains('a-b', /a.b/)", "true")]
    [InlineData("$contains('a\\nb', /a[^]b/)", "true")]
    [InlineData("$contains('ab', /a[]b/)", "false")]
    [InlineData("$contains('a$b', /a\\$b/)", "true")]
    [InlineData("$contains('x1', /x[.$]/)", "false")]
    [InlineData("$contains('x$', /x[.$]/)", "true")]
    [InlineData("$contains('٣', /\\d/)", "false")]
    [InlineData("$match('2025-01-15', /(\\d+)-(\\d+)/).groups", "[\"2025\",\"01\"]")]
    [InlineData("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"")]
    [InlineData("$split('a1b22c', /\\d+/)", "[\"a\",\"b\",\"c\"]")]
    [InlineData("$contains('ABC', /b/i)", "true")]
    public void RegexLiteral_MatchesAsJavaScriptDoes(string expression, string json) =>
        Assert.Equal(json, JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined).Node!.ToJsonString());

    [Theory]
    [InlineData("$match('a', /a(/)", "S0302")]
    [InlineData("$match('a', /a{2,1}/)", "S0303")]
    public void RegexLiteral_Invalid_FailsToCompile(string expression, string code) =>
        Assert.Equal(code, Assert.Throws<JsonataException>(() => JsonataExpression.Compile(expression)).Code);
}
