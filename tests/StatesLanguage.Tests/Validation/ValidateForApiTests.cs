using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Validation;

namespace StatesLanguage.Tests.Validation;

/// <summary>What the ValidateStateMachineDefinition and CreateStateMachine operations need from the validator:
/// locations in AWS's form (split from structured paths, so state names with dots stay whole), severities, the
/// maxResults cut, and the InvalidDefinition message.</summary>
public sealed class ValidateForApiTests
{
    private const string MissingTarget = """{"StartAt":"Fetch","States":{"Fetch":{"Type":"Pass","Next":"Nowhere"},"Done":{"Type":"Succeed"}}}""";

    [Fact]
    public void Location_IsTheSegmentsOfThePath_SlashSeparated()
    {
        var diagnostic = Assert.Single(AslValidator.Validate(
            """{"StartAt":"Fetch","States":{"Fetch":{"Type":"Pass","Next":"Nowhere"}}}"""), d => d.Code == AslDiagnosticCodes.MissingTransitionTarget);

        Assert.Equal("$.States.Fetch.Next", diagnostic.Path);
        Assert.Equal("/States/Fetch/Next", diagnostic.Location);
    }

    [Fact]
    public void StateNamesWithDotsAndQuotes_AreBracketedInThePath_AndWholeInTheLocation()
    {
        var diagnostics = AslValidator.Validate(
            """{"StartAt":"v1.fetch","States":{"v1.fetch":{"Type":"Pass","Next":"it's.gone"},"a[0]":{"Type":"Succeed"}}}""");

        var missing = Assert.Single(diagnostics, d => d.Message.StartsWith("Missing 'Next' target", StringComparison.Ordinal));
        Assert.Equal("$.States['v1.fetch'].Next", missing.Path);
        Assert.Equal("/States/v1.fetch/Next", missing.Location);
        var unreachable = Assert.Single(diagnostics, d => d.Message.EndsWith("is not reachable.", StringComparison.Ordinal));
        Assert.Equal("$.States['a[0]']", unreachable.Path);
        Assert.Equal("/States/a[0]", unreachable.Location);
    }

    [Fact]
    public void NestedProcessorsAndBranches_GiveIndexesInBracketsAfterTheirArray()
    {
        const string definition = """
            {"StartAt":"M","States":{
              "M":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"x.y":1},"End":true}}},"Next":"P"},
              "P":{"Type":"Parallel","Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Succeed"}}},
                {"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Gone"}}}],"End":true}}}
            """;

        var locations = AslValidator.Validate(definition).Select(d => (d.Code, d.Location)).ToList();

        Assert.Contains((AslDiagnosticCodes.InvalidVariableName, "/States/M/ItemProcessor/States/I/Assign/x.y"), locations);
        Assert.Contains((AslDiagnosticCodes.MissingTransitionTarget, "/States/P/Branches[1]/States/B/Next"), locations);
    }

    [Fact]
    public void ParameterKeysWithDollarSuffix_StayOneSegment()
    {
        var diagnostic = Assert.Single(AslValidator.Validate(
            """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"a":{"b.$":"not a path"}},"End":true}}}"""));

        Assert.Equal("$.States.P.Parameters.a['b.$']", diagnostic.Path);
        Assert.Equal("/States/P/Parameters/a/b.$", diagnostic.Location);
    }

    [Fact]
    public void TheWholeDefinition_HasNoLocation()
    {
        var diagnostic = Assert.Single(AslValidator.Validate("not json"));

        Assert.Equal("$", diagnostic.Path);
        Assert.Null(diagnostic.Location);
    }

    [Fact]
    public void ChoiceAndCatchTargets_AreLocatedAtTheirIndexedRule()
    {
        const string definition = """
            {"StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"Next":"Gone"}],"Default":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:states:::x","Catch":[{"ErrorEquals":["States.ALL"],"Next":"Lost"}],"End":true}}}
            """;

        var locations = AslValidator.Validate(definition).Where(d => d.Code == AslDiagnosticCodes.MissingTransitionTarget).Select(d => d.Location);

        Assert.Equal(["/States/C/Choices[0]/Next", "/States/T/Catch[0]/Next"], locations);
    }

    [Fact]
    public void NoTerminalState_IsAwsMissingEndState_WithoutALocation()
    {
        var diagnostic = Assert.Single(AslValidator.Validate("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}"""));

        Assert.Equal(("MISSING_END_STATE", "Workflow has no terminal state", (string?)null), (diagnostic.Code, diagnostic.Message, diagnostic.Location));
        Assert.Equal("Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at null'",
                     AslValidator.InvalidDefinitionMessage([diagnostic]));
    }

    [Theory]
    [InlineData("$", "")]
    [InlineData("$.States.A.Next", "States|A|Next")]
    [InlineData("$.States['a.b'].Choices[10].Next", "States|a.b|Choices|[10]|Next")]
    [InlineData(@"$.States['it\'s \\ here']", @"States|it's \ here")]
    [InlineData("$.States['']", "States|")]
    public void Segments_ReverseMember(string path, string segments) =>
        Assert.Equal(segments, string.Join('|', AslPath.Segments(path)));

    [Fact]
    public void Segments_TellAnIndexFromANameOfDigits() =>
        Assert.Equal([new AslPathSegment("0"), new AslPathSegment(null, 0)], AslPath.Segments("$['0'][0]"));

    [Theory]
    [InlineData("plain")]
    [InlineData("with.dot")]
    [InlineData("with[bracket]")]
    [InlineData(@"quote' and \ backslash")]
    [InlineData("")]
    [InlineData("spaces are plain")]
    public void Member_ThenSegments_GivesTheNameBack(string name) =>
        Assert.Equal([new AslPathSegment("States"), new AslPathSegment(name), new AslPathSegment("Next")],
                     AslPath.Segments(AslPath.Member(AslPath.Member("$", "States"), name) + ".Next"));

    [Theory]
    [InlineData("States.A")]
    [InlineData("$.States[x]")]
    [InlineData("$.States['open")]
    [InlineData("$.States[99999999999]")]
    public void Segments_RefuseWhatIsNotAPath(string path) =>
        Assert.Throws<FormatException>(() => AslPath.Segments(path));

    [Fact]
    public void ValidateForApi_ErrorsGiveFail_WithSeverityErrorAndAwsLocations()
    {
        var validation = AslValidator.ValidateForApi(MissingTarget);

        Assert.Equal("FAIL", validation.Result);
        Assert.False(validation.Truncated);
        Assert.Contains(new ApiDiagnostic("ERROR", AslDiagnosticCodes.MissingTransitionTarget, "Missing 'Next' target: Nowhere", "/States/Fetch/Next"),
                        validation.Diagnostics);
        Assert.All(validation.Diagnostics, d => Assert.Equal("ERROR", d.Severity));
    }

    [Fact]
    public void ValidateForApi_AValidDefinition_IsOkWithNoDiagnostics()
    {
        var validation = AslValidator.ValidateForApi("""{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}""", "EXPRESS", "WARNING", 0);

        Assert.Equal(new DefinitionValidation("OK", [], false), validation with { Diagnostics = [] });
        Assert.Empty(validation.Diagnostics);
    }

    [Fact]
    public void ValidateForApi_Warnings_OnlyAtSeverityWarning_AndTheResultStaysOk()
    {
        const string definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Parameters":{"v.$":"$later"},"End":true}}}""";

        var errorsOnly = AslValidator.ValidateForApi(definition, severity: "ERROR");
        var withWarnings = AslValidator.ValidateForApi(definition, severity: "WARNING");

        Assert.Equal("OK", errorsOnly.Result);
        Assert.Empty(errorsOnly.Diagnostics);
        Assert.Equal("OK", withWarnings.Result);
        var warning = Assert.Single(withWarnings.Diagnostics);
        Assert.Equal(("WARNING", AslDiagnosticCodes.VariableNotAssigned, "/States/A"), (warning.Severity, warning.Code, warning.Location));
    }

    [Fact]
    public void ValidateForApi_MoreThanMaxResults_IsTruncated()
    {
        const string definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"X"},"B":{"Type":"Pass","Next":"Y"},"C":{"Type":"Pass","Next":"Z"}}}""";
        var all = AslValidator.ValidateForApi(definition);

        var two = AslValidator.ValidateForApi(definition, maxResults: 2);
        var exact = AslValidator.ValidateForApi(definition, maxResults: all.Diagnostics.Count);

        Assert.True(all.Diagnostics.Count > 2);
        Assert.Equal(all.Diagnostics.Take(2), two.Diagnostics);
        Assert.True(two.Truncated);
        Assert.False(exact.Truncated);
        Assert.Equal("FAIL", two.Result);
    }

    [Theory]
    [InlineData("BATCH", null, null)]
    [InlineData(null, "INFO", null)]
    [InlineData(null, null, 101)]
    [InlineData(null, null, -1)]
    public void ValidateForApi_RefusesValuesOutsideTheModel(string? type, string? severity, int? maxResults) =>
        Assert.Throws<ArgumentException>(() => AslValidator.ValidateForApi(MissingTarget, type, severity, maxResults));

    [Fact]
    public void InvalidDefinitionMessage_JoinsProblemsInAwsForm()
    {
        var diagnostics = Assert.Throws<AslValidationException>(() => StateMachine.Parse(
            """{"StartAt":"pass1","States":{"pass1":{"Type":"Pass","Next":"pass3"},"pass2":{"Type":"Pass","End":true}}}""")).Diagnostics;

        Assert.Equal(
            "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: pass3 at /States/pass1/Next, "
            + "MISSING_TRANSITION_TARGET: State \"pass2\" is not reachable. at /States/pass2'",
            AslValidator.InvalidDefinitionMessage(diagnostics));
    }

    [Fact]
    public void InvalidDefinitionMessage_JsonataReferenceAtTheTopLevel_IsAwsText()
    {
        var diagnostics = AslValidator.Validate(
            """{"QueryLanguage":"JSONata","StartAt":"E","States":{"E":{"Type":"Pass","Output":{"v":"{% phone[0] %}"},"End":true}}}""");

        Assert.Equal("Invalid State Machine Definition: 'UNSUPPORTED_JSONATA_EXPRESSION: Reference to 'phone' at the top level is not supported. at /States/E/Output/v'",
                     AslValidator.InvalidDefinitionMessage(diagnostics));
    }
}
