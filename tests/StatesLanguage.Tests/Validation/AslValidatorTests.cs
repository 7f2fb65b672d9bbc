using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Validation;

namespace StatesLanguage.Tests.Validation;

public sealed class AslValidatorTests
{
    private static IReadOnlyList<string> Codes(string definition) => [.. AslValidator.Validate(definition).Select(d => d.Code)];

    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nope"}}}""", AslDiagnosticCodes.MissingTransitionTarget)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"B":{"Type":"Pass","End":true}}}""", AslDiagnosticCodes.UnreachableState)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""", AslDiagnosticCodes.NoTerminalState)]
    [InlineData("""{"StartAt":"X","States":{"A":{"Type":"Pass","End":true}}}""", AslDiagnosticCodes.StartAtMissing)]
    [InlineData("""{"States":{"A":{"Type":"Pass","End":true}}}""", AslDiagnosticCodes.MissingField)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B","End":true},"B":{"Type":"Succeed"}}}""", AslDiagnosticCodes.NextAndEnd)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""", AslDiagnosticCodes.MissingTransition)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Resource":"arn:x","End":true}}}""", AslDiagnosticCodes.FieldNotAllowed)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a[","End":true}}}""", AslDiagnosticCodes.InvalidJsonPath)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultPath":"$.a[*]","End":true}}}""", AslDiagnosticCodes.InvalidReferencePath)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Nope(1)"},"End":true}}}""", AslDiagnosticCodes.InvalidIntrinsic)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"x.$":"States.Format("},"End":true}}}""", AslDiagnosticCodes.InvalidIntrinsic)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","Seconds":1,"Timestamp":"2024-01-01T00:00:00Z","End":true}}}""", AslDiagnosticCodes.ExactlyOneRequired)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Wait","End":true}}}""", AslDiagnosticCodes.ExactlyOneRequired)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","TimeoutSeconds":1,"TimeoutSecondsPath":"$.t","End":true}}}""", AslDiagnosticCodes.MutuallyExclusive)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","Next":"B"}]},"B":{"Type":"Succeed"}}}""", AslDiagnosticCodes.InvalidChoiceRule)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","NumericEquals":"1","Next":"B"}]},"B":{"Type":"Succeed"}}}""", AslDiagnosticCodes.InvalidChoiceRule)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Retry":[{"ErrorEquals":["States.ALL"]},{"ErrorEquals":["X"]}],"End":true}}}""", AslDiagnosticCodes.StatesAllNotLast)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"r","Catch":[{"ErrorEquals":["States.ALL","X"],"Next":"A"}],"End":true}}}""", AslDiagnosticCodes.StatesAllNotLast)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"Iterator":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}""", AslDiagnosticCodes.ExactlyOneRequired)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Nope","End":true}}}""", AslDiagnosticCodes.InvalidStateType)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Parallel","Branches":[{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}],"End":true}}}""", AslDiagnosticCodes.DuplicateStateName)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.x","BooleanEquals":true,"Nxt":"B","Next":"B"}]},"B":{"Type":"Succeed"}}}""", AslDiagnosticCodes.FieldNotAllowed)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Map","ItemReader":{},"ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},"End":true}}}""", AslDiagnosticCodes.UnsupportedFeature)]
    [InlineData("""{"StartAt":"A","QueryLanguage":"JSONata","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""", AslDiagnosticCodes.UnsupportedQueryLanguage)]
    [InlineData("""{"StartAt":"A","QueryLanguage":"XPath","States":{"A":{"Type":"Pass","End":true}}}""", AslDiagnosticCodes.UnsupportedQueryLanguage)]
    [InlineData("""{"StartAt":"A","QueryLanguage":"JSONata","States":{"A":{"Type":"Pass","InputPath":"$.a","End":true}}}""", AslDiagnosticCodes.FieldNotInQueryLanguage)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Output":{"a":1},"End":true}}}""", AslDiagnosticCodes.FieldNotInQueryLanguage)]
    [InlineData("""{"StartAt":"A","QueryLanguage":"JSONata","States":{"A":{"Type":"Pass","Arguments":{"a":1},"End":true}}}""", AslDiagnosticCodes.FieldNotAllowed)]
    [InlineData("""{"StartAt":"A","QueryLanguage":"JSONata","States":{"A":{"Type":"Pass","Output":"{% 1 + %}","End":true}}}""", AslDiagnosticCodes.InvalidJsonata)]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Next":"A"}]}}}""", AslDiagnosticCodes.MissingField)]
    public void Validate_BrokenRule_ReportsCode(string definition, string code) => Assert.Contains(code, Codes(definition));

    [Fact]
    public void Validate_StateNameOver80Characters_ReportsNameTooLong()
    {
        var name = new string('n', 81);
        Assert.Contains(AslDiagnosticCodes.NameTooLong, Codes("{\"StartAt\":\"" + name + "\",\"States\":{\"" + name + "\":{\"Type\":\"Succeed\"}}}"));
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsEveryOne()
    {
        var diagnostics = AslValidator.Validate("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Resource":"r","Next":"Missing"},
              "B":{"Type":"Wait","End":true},
              "C":{"Type":"Parallel","Branches":[{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Y"}}}],"End":true}}}
            """);
        var codes = diagnostics.Select(d => d.Code).ToList();
        Assert.Contains(AslDiagnosticCodes.FieldNotAllowed, codes);
        Assert.Contains(AslDiagnosticCodes.MissingTransitionTarget, codes);
        Assert.Contains(AslDiagnosticCodes.ExactlyOneRequired, codes);
        Assert.Contains(AslDiagnosticCodes.UnreachableState, codes);
        Assert.Contains(diagnostics, d => d.Path.StartsWith("$.States.C.Branches[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NestedMapProcessor_IsValidatedToo()
    {
        var diagnostics = AslValidator.Validate("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"X","States":{"X":{"Type":"Pass","Next":"Gone"}}},"End":true}}}
            """);
        Assert.Contains(diagnostics, d => d.Code == AslDiagnosticCodes.MissingTransitionTarget && d.Path.Contains("ItemProcessor", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlaceholderResource_IsAccepted() =>
        Assert.Empty(AslValidator.Validate("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${fn_arn}","End":true}}}"""));

    [Fact]
    public void Parse_InvalidDefinition_ThrowsWithAllDiagnostics()
    {
        var ex = Assert.Throws<AslValidationException>(() => StateMachine.Parse("""{"StartAt":"A","States":{"A":{"Type":"Pass"},"B":{"Type":"Pass","End":true}}}"""));
        Assert.True(ex.Diagnostics.Count >= 2);
    }

    [Fact]
    public void Parse_Substitutions_ReplacePlaceholders()
    {
        var machine = StateMachine.Parse("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"${fn}","End":true}}}""",
            new Dictionary<string, string> { ["fn"] = "arn:aws:lambda:us-east-1:1:function:f" });
        Assert.Equal("arn:aws:lambda:us-east-1:1:function:f", ((Definition.TaskState)machine.Definition.States["A"]).Resource);
    }
}
