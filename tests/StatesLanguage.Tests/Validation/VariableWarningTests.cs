using StatesLanguage.Evaluation;
using StatesLanguage.Validation;

namespace StatesLanguage.Tests.Validation;

/// <summary>Variables read where no state that can run before assigns them are warnings (AWS accepts the definition;
/// the read fails when the state runs), in both query languages and across Parallel and Map scopes.</summary>
public sealed class VariableWarningTests
{
    [Fact]
    public void Warnings_VariableAssignedOnlyLaterOrNever_AreReportedPerStateAndTheDefinitionStaysValid()
    {
        var definition = """
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"x":1},"Next":"B"},
              "B":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $x + $y + $partition([1], 1)[0][0] %}","Next":"C"},
              "C":{"Type":"Pass","Parameters":{"z.$":"$later"},"Next":"D"},
              "D":{"Type":"Pass","Assign":{"later":2},"End":true}}}
            """;

        var warnings = AslValidator.Warnings(definition);

        Assert.Empty(AslValidator.Validate(definition));
        Assert.Equal([("$.States.B", "$y"), ("$.States.C", "$later")],
                     warnings.Select(w => (w.Path, w.Message.Split(' ').First(word => word.StartsWith('$')).TrimEnd(','))));
        Assert.All(warnings, w => Assert.Equal(AslDiagnosticCodes.VariableNotAssigned, w.Code));
        Assert.Equal(warnings, StateMachine.Parse(definition).Warnings);
    }

    [Fact]
    public void Warnings_BranchesReadOuterVariables_ButWhatABranchAssignsStaysInside()
    {
        var definition = """
            {"StartAt":"Set","States":{
              "Set":{"Type":"Pass","Assign":{"outer":1},"Next":"Both"},
              "Both":{"Type":"Parallel","Next":"After","Branches":[
                {"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Assign":{"inner.$":"$outer"},"End":true}}}]},
              "After":{"Type":"Pass","Parameters":{"a.$":"$outer","b.$":"$inner"},"End":true}}}
            """;

        var warning = Assert.Single(AslValidator.Warnings(definition));

        Assert.Equal("$.States.After", warning.Path);
        Assert.Contains("$inner", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_ChoiceRuleAndCatcherAssign_OnlyAlongTheirOwnTransitions()
    {
        var definition = """
            {"StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"arn:aws:states:::x","Assign":{"ok":true},"Next":"Done",
                      "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"why.$":"$.Cause"},"Next":"Failed"}]},
              "Done":{"Type":"Pass","Parameters":{"a.$":"$ok","b.$":"$why"},"End":true},
              "Failed":{"Type":"Pass","Parameters":{"a.$":"$why","b.$":"$ok"},"End":true}}}
            """;

        var warnings = AslValidator.Warnings(definition);

        Assert.Equal([("$.States.Done", "$why"), ("$.States.Failed", "$ok")],
                     warnings.Select(w => (w.Path, w.Message.Split(' ').First(word => word.StartsWith('$')).TrimEnd(','))));
    }

    [Fact]
    public void Warnings_AMachineWithALoopAndNoVariables_EndsWithNone()
    {
        // The product's daily-analysis shape: Check → Choice → Wait → Check until the uploads are in.
        var definition = """
            {"StartAt":"Check","States":{
              "Check":{"Type":"Pass","Next":"Ready"},
              "Ready":{"Type":"Choice","Choices":[{"Variable":"$.done","BooleanEquals":true,"Next":"Done"}],"Default":"Wait"},
              "Wait":{"Type":"Wait","Seconds":1,"Next":"Check"},
              "Done":{"Type":"Succeed"}}}
            """;

        Assert.Empty(AslValidator.Warnings(definition));
    }
}
