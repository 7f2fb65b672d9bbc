using StatesLanguage.Validation;

namespace StatesLanguage.Tests.Validation;

/// <summary>What Step Functions refuses when it reads a definition: JSONata expressions that read what a state does not
/// have, variable names that are not identifiers, and a branch or iteration assigning an outer scope's variable.</summary>
public sealed class VariableAndReferenceRuleTests
{
    private static string PassOutput(string expression) =>
        """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":{"v":"{% @EXPR@ %}"},"End":true}}}""".Replace("@EXPR@", expression, StringComparison.Ordinal);

    private static string TaskOutput(string field, string expression) =>
        """{"QueryLanguage":"JSONata","StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","@FIELD@":"{% @EXPR@ %}","Catch":[{"ErrorEquals":["States.ALL"],"Output":"{% $states.errorOutput %}","Next":"F"}],"End":true},"F":{"Type":"Fail"}}}"""
            .Replace("@FIELD@", field, StringComparison.Ordinal).Replace("@EXPR@", expression, StringComparison.Ordinal);

    private static AslDiagnostic Single(string definition) => Assert.Single(AslValidator.Validate(definition));

    [Theory]
    [InlineData("phone", "Reference to 'phone' at the top level is not supported.")]
    [InlineData("$count(items)", "Reference to 'items' at the top level is not supported.")]
    [InlineData("$map($states.input.a, function($x){ b })", "Reference to 'b' at the top level is not supported.")]
    [InlineData("$$", "Reference to '$$' is not supported.")]
    [InlineData("$states.errorOutput", "Field '$states.errorOutput' does not exist.")]
    [InlineData("$states.result.Payload", "Field '$states.result' does not exist.")]
    public void PassOutput_ReadingWhatThereIsNot_IsUnsupported(string expression, string message)
    {
        var diagnostic = Single(PassOutput(expression));

        Assert.Equal(AslDiagnosticCodes.UnsupportedJsonata, diagnostic.Code);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal("$.States.E.Output.v", diagnostic.Path);
    }

    [Theory]
    [InlineData("$states.input.items[value > 3].name")]
    [InlineData("$states.input.items^(price).{ 'n': name }")]
    [InlineData("$states.input.items{ category: $sum(price) }")]
    [InlineData("($x := $states.input; $x.phone)")]
    [InlineData("$states.context.Execution.Name & '-' & $string($states.input.n)")]
    public void PassOutput_ReadingTheInputThroughStates_IsValid(string expression) =>
        Assert.Empty(AslValidator.Validate(PassOutput(expression)));

    [Theory]
    [InlineData("Output", "$states.result.Payload", null)]
    [InlineData("Assign", "{'r': $states.result}", null)]
    [InlineData("Arguments", "$states.result", "Field '$states.result' does not exist.")]
    [InlineData("Output", "$states.errorOutput", "Field '$states.errorOutput' does not exist.")]
    public void TaskFields_ResultOnlyAfterTheTask_ErrorOutputOnlyInACatcher(string field, string expression, string? message)
    {
        var diagnostics = AslValidator.Validate(TaskOutput(field, expression));

        if (message is null)
        {
            Assert.Empty(diagnostics);
            return;
        }
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(message, diagnostic.Message);
        Assert.Equal($"$.States.T.{field}", diagnostic.Path);
    }

    [Fact]
    public void CatcherOutput_ReadingTheResult_IsUnsupported()
    {
        var definition = TaskOutput("Output", "$states.input").Replace("\"Output\":\"{% $states.errorOutput %}\"", "\"Output\":\"{% $states.result %}\"", StringComparison.Ordinal);

        var diagnostic = Single(definition);

        Assert.Equal("Field '$states.result' does not exist.", diagnostic.Message);
        Assert.Equal("$.States.T.Catch[0].Output", diagnostic.Path);
    }

    [Fact]
    public void InvalidExpression_IsReportedWithAwsCode()
    {
        var diagnostic = Single(PassOutput("a[1,2)"));

        Assert.Equal("INVALID_JSONATA_EXPRESSION", diagnostic.Code);
        Assert.Equal("$.States.E.Output.v", diagnostic.Path);
    }

    [Theory]
    [InlineData("x.y")]
    [InlineData("x[2]")]
    [InlineData("1st")]
    [InlineData("_hidden")]
    [InlineData("has space")]
    [InlineData("price€")]
    public void AssignName_NotAnIdentifier_IsInvalid(string name)
    {
        var definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"@NAME@":1},"End":true}}}""".Replace("@NAME@", name, StringComparison.Ordinal);

        var diagnostic = Single(definition);

        Assert.Equal(AslDiagnosticCodes.InvalidVariableName, diagnostic.Code);
        Assert.Equal(AslPath.Member("$.States.A.Assign", name), diagnostic.Path);
        Assert.Equal($"/States/A/Assign/{name}", diagnostic.Location);
    }

    [Theory]
    [InlineData("total")]
    [InlineData("orderTotal2")]
    [InlineData("snake_case")]
    [InlineData("prix_total_ht")]
    [InlineData("größe")]
    public void AssignName_UnicodeIdentifier_IsValid(string name)
    {
        var definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"@NAME@":1},"End":true}}}""".Replace("@NAME@", name, StringComparison.Ordinal);

        Assert.Empty(AslValidator.Validate(definition));
    }

    [Fact]
    public void AssignName_Of80Characters_IsValidAndOf81IsNot()
    {
        static string Definition(int length) =>
            """{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"@NAME@":1},"End":true}}}""".Replace("@NAME@", new string('v', length), StringComparison.Ordinal);

        Assert.Empty(AslValidator.Validate(Definition(80)));
        Assert.Equal(AslDiagnosticCodes.InvalidVariableName, Single(Definition(81)).Code);
    }

    [Theory]
    [InlineData("""{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"shared":"inner"},"End":true}}},"End":true}""",
                "$.States.Fan.ItemProcessor.States.I.Assign.shared")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"other":1},"End":true}}},{"StartAt":"J","States":{"J":{"Type":"Pass","Assign":{"shared":"inner"},"End":true}}}],"End":true}""",
                "$.States.Fan.Branches[1].States.J.Assign.shared")]
    public void InnerScope_AssigningAnOuterVariable_IsInvalid(string fan, string path)
    {
        var definition = """{"StartAt":"Seed","States":{"Seed":{"Type":"Pass","Assign":{"shared":"outer"},"Next":"Fan"},"Fan":@FAN@}}""".Replace("@FAN@", fan, StringComparison.Ordinal);

        var diagnostic = Single(definition);

        Assert.Equal(AslDiagnosticCodes.VariableInOuterScope, diagnostic.Code);
        Assert.Equal(path, diagnostic.Path);
    }

    [Fact]
    public void SiblingScopes_AndACatcherAssigningOutward_AreValid()
    {
        const string definition = """
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Parallel","Branches":[
                {"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"tmp":1},"End":true}}},
                {"StartAt":"J","States":{"J":{"Type":"Pass","Assign":{"tmp":2},"End":true}}}],
                "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"failed":true},"Next":"Done"}],"Next":"Done"},
              "Done":{"Type":"Pass","Assign":{"failed":false},"End":true}}}
            """;

        Assert.Empty(AslValidator.Validate(definition));
    }
}
