using StatesLanguage.Errors;
using StatesLanguage.Evaluation;
using StatesLanguage.Evaluation.History;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

/// <summary>JSONata states as Step Functions runs them: $states, Arguments, Output, Assign (both seeing the variables
/// from before the state), Catch with $states.errorOutput, Choice conditions, Step Functions' own functions, and the
/// assigned variables in the history (issue 15, items 1, 2 and 6).</summary>
public sealed class JsonataStateTests
{
    [Fact]
    public async Task Task_ArgumentsOutputAndAssign_SeeInputResultAndTheVariablesFromBeforeTheState()
    {
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Set","States":{
              "Set":{"Type":"Pass","Assign":{"total":1},"Next":"Add"},
              "Add":{"Type":"Task","Resource":"arn:aws:states:::x",
                     "Arguments":{"value":"{% $states.input.value %}","total":"{% $total %}"},
                     "Assign":{"total":"{% $total + $states.result.value %}"},
                     "Output":{"before":"{% $total %}","result":"{% $states.result %}"},"End":true}}}
            """;
        var invoker = new DelegateInvoker((i, _) => Task.FromResult(i.Parameters));

        var result = await Machines.RunAsync(definition, """{"value":41}""", invoker);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"before":1,"result":{"value":41,"total":1}}"""), result.Output), result.Output?.ToJsonString());
        var exited = result.History.Events.Last(e => e.Type == HistoryEventType.TaskStateExited);
        Assert.Equal("42", exited.AssignedVariables!["total"]);
    }

    [Fact]
    public async Task StatesContext_IsTheContextObjectAJsonPathStateSees()
    {
        // The same state, once in each language, in a Map iteration on its second attempt: every part of the context.
        const string Iteration = """
            "ItemProcessor":{"StartAt":"S","States":{"S":{"Type":"Task","Resource":"arn:aws:states:::x",
              "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":1}],%STATE%,"End":true}}}
            """;
        var jsonata = """{"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.items %}",""" +
            Iteration.Replace("%STATE%", """ "Output":"{% $states.context %}" """, StringComparison.Ordinal) + ""","End":true}}}""";
        var jsonPath = """{"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",""" +
            Iteration.Replace("%STATE%", """ "ResultSelector":{"c.$":"$$"},"OutputPath":"$.c" """, StringComparison.Ordinal) + ""","End":true}}}""";
        var input = """{"items":[{"n":1,"s":"x"}],"nested":{"deep":[1,2.5,"three",null,true]}}""";

        async Task<JsonNode?> Run(string definition)
        {
            var failed = 0;
            var invoker = new DelegateInvoker((_, _) => Interlocked.Increment(ref failed) == 1
                ? throw new TaskFailedException("Busy", "once")
                : Task.FromResult<JsonNode?>(new JsonObject()));
            var options = new ExecutionOptions { TaskInvoker = invoker, TimeProvider = new InstantTimeProvider(new DateTimeOffset(2025, 1, 5, 8, 3, 9, 7, TimeSpan.Zero)), ExecutionName = "same", RoleArn = "arn:aws:iam::123456789012:role/run" };
            var result = await StateMachine.Parse(definition).ExecuteAsync(JsonNode.Parse(input), options, CancellationToken.None);
            Assert.Equal(ExecutionStatus.Succeeded, result.Status);
            return result.Output;
        }

        var fromJsonata = await Run(jsonata);
        var fromJsonPath = await Run(jsonPath);

        Assert.True(JsonNode.DeepEquals(fromJsonPath, fromJsonata), $"JSONPath {fromJsonPath?.ToJsonString()}\nJSONata  {fromJsonata?.ToJsonString()}");
        Assert.Equal(1d, fromJsonata![0]!["State"]!["RetryCount"]!.GetValue<double>());
        Assert.Equal("2025-01-05T08:03:09.007Z", fromJsonata[0]!["State"]!["EnteredTime"]!.GetValue<string>());
        Assert.Equal("2025-01-05T08:03:09.007Z", fromJsonata[0]!["Execution"]!["StartTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Map_OverAJsonataOutput_SelectsItemsFromTheContextAndCollectsTheIterationsOutputs()
    {
        // Items from the previous state's output (never JSON in between), an ItemSelector reading the item from the
        // context, iterations ending in Output values; then the same with one tolerated failure (its output null).
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Make","States":{
              "Make":{"Type":"Pass","Output":"{% [{'n': 1}, {'n': 2, 'tag': null}, {'n': 3}] %}","Next":"M"},
              "M":{"Type":"Map","ToleratedFailureCount":1,
                   "ItemSelector":{"value":"{% $states.context.Map.Item.Value %}","index":"{% $states.context.Map.Item.Index %}"},
                   "ItemProcessor":{"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:::x",
                     "Output":{"twice":"{% $states.input.value.n * 2 %}","at":"{% $states.input.index %}","item":"{% $states.input.value %}"},"End":true}}},
                   "Output":"{% {'all': $states.result, 'count': $count($states.result)} %}","End":true}}}
            """;
        async Task<JsonNode?> Run(int failing)
        {
            var invoker = new DelegateInvoker((i, _) => i.Parameters!["index"]!.GetValue<double>() == failing
                ? throw new TaskFailedException("Boom", "item")
                : Task.FromResult<JsonNode?>(new JsonObject()));
            var result = await Machines.RunAsync(definition, "{}", invoker);
            Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error}: {result.Cause}");
            return result.Output;
        }

        var all = await Run(failing: -1);
        var withFailure = await Run(failing: 1);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"all":[{"twice":2,"at":0,"item":{"n":1}},{"twice":4,"at":1,"item":{"n":2,"tag":null}},{"twice":6,"at":2,"item":{"n":3}}],"count":3}"""), all), all?.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"all":[{"twice":2,"at":0,"item":{"n":1}},null,{"twice":6,"at":2,"item":{"n":3}}],"count":3}"""), withFailure), withFailure?.ToJsonString());
    }

    [Fact]
    public async Task Catch_OutputAndAssign_SeeTheErrorOutput()
    {
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"arn:aws:states:::x","End":true,
                      "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Done","Assign":{"why":"{% $states.errorOutput.Cause %}"},
                                "Output":{"error":"{% $states.errorOutput.Error %}","input":"{% $states.input %}"}}]},
              "Done":{"Type":"Pass","Output":{"caught":"{% $states.input %}","why":"{% $why %}"},"End":true}}}
            """;
        var invoker = new DelegateInvoker((_, _) => throw new TaskFailedException("Boom", "it broke"));

        var result = await Machines.RunAsync(definition, """{"a":1}""", invoker);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"caught":{"error":"Boom","input":{"a":1}},"why":"it broke"}"""), result.Output),
                    result.Output?.ToJsonString());
    }

    [Fact]
    public async Task Output_HandedOnWithoutJson_IsReadAsItsJsonAndShownAsJsonInTheHistory()
    {
        // Make's output goes to both branches in the evaluator's form (no JSON is made for it), and is read there as
        // its JSON would be: the function left out, the large integer with its JSON's digits.
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Make","States":{
              "Make":{"Type":"Pass","Output":"{% {'big': 1234567890123456789, 'f': $sum, 'items': $states.input.items.{'id': id}} %}","Next":"Both"},
              "Both":{"Type":"Parallel","Branches":[
                        {"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}},
                        {"StartAt":"B","States":{"B":{"Type":"Pass","Output":"{% $states.input.items %}","End":true}}}],
                      "Output":"{% {'diff': $states.result[0].big - 1234567890123456789, 'keys': $keys($states.result[0]), 'ids': $states.result[1].id} %}",
                      "End":true}}}
            """;

        var result = await Machines.RunAsync(definition, """{"items":[{"id":1},{"id":2}]}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"diff":3328,"keys":["big","items"],"ids":[1,2]}"""), result.Output),
                    result.Output?.ToJsonString());
        const string made = """{"big":1234567890123460000,"items":[{"id":1},{"id":2}]}""";
        var events = result.History.Events;
        Assert.Equal(made, events.Single(e => e.Type == HistoryEventType.PassStateExited && e.StateName == "Make").Output!.ToJsonString());
        Assert.Equal(made, events.Single(e => e.Type == HistoryEventType.PassStateExited && e.StateName == "A").Output!.ToJsonString());
        Assert.Equal(made, events.Single(e => e.Type == HistoryEventType.ParallelStateEntered).Input!.ToJsonString());
    }

    [Fact]
    public async Task StatesContext_ReadWithoutItsName_IsStillBound()
    {
        // The context is bound only to expressions that may read it; a $states not followed by .input, .result or
        // .errorOutput may, even when the text never spells "context".
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Look","States":{
              "Look":{"Type":"Pass","Output":{"name":"{% $lookup($states, 'con' & 'text').State.Name %}",
                                              "keys":"{% $keys($states) %}","input":"{% $states.input.a %}"},"End":true}}}
            """;

        var result = await Machines.RunAsync(definition, """{"a":1}""", new DelegateInvoker((i, _) => Task.FromResult(i.Parameters)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"name":"Look","keys":["input","context"],"input":1}"""), result.Output),
                    result.Output?.ToJsonString());
    }

    [Fact]
    public async Task StatesMembers_BoundAsReadByEachExpression_AllWhenReadAsAWhole()
    {
        // An expression gets only the members of $states it names (.input, .result, …), all of them when it reads
        // $states otherwise; each sees the same values either way.
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Work","States":{
              "Work":{"Type":"Task","Resource":"arn:aws:states:::x","Arguments":{"a":"{% $states.input.a %}"},
                      "Output":{"keys":"{% $keys($states) %}","input":"{% $states.input.a %}","result":"{% $states.result.a %}",
                                "both":"{% $states.input.a + $states.result.a %}"},"End":true}}}
            """;

        var result = await Machines.RunAsync(definition, """{"a":1}""", new DelegateInvoker((i, _) => Task.FromResult(i.Parameters)));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"keys":["input","context","result"],"input":1,"result":1,"both":2}"""), result.Output),
                    result.Output?.ToJsonString());
    }

    [Theory]
    [InlineData(5, "small")]
    [InlineData(50, "Large")]
    public async Task Choice_FirstTrueCondition_WinsWithItsOutput(int value, string expected)
    {
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Size","States":{
              "Size":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.n < 10 %}","Next":"Small","Output":{"size":"small"}}],"Default":"Large"},
              "Small":{"Type":"Pass","Output":"{% $states.input.size %}","End":true},
              "Large":{"Type":"Pass","Output":"{% 'Large' %}","End":true}}}
            """;

        var result = await Machines.RunAsync(definition, $$"""{"n":{{value}}}""");

        // Small's input is the matching rule's Output; Large's is the state's input.
        Assert.Equal(expected, result.Output!.GetValue<string>());
    }

    [Theory]
    [InlineData(5, "{\"rule\":\"small\",\"state\":\"any\",\"seen\":0}")]
    [InlineData(50, "{\"state\":\"any\",\"seen\":0}")]
    public async Task Choice_StateAssignApplies_WhicheverRuleMatches_AndTheMatchingRulesToo(int value, string expected)
    {
        var definition = """
            {"QueryLanguage":"JSONata","StartAt":"Init","States":{
              "Init":{"Type":"Pass","Assign":{"seen":0},"Next":"Size"},
              "Size":{"Type":"Choice","Assign":{"state":"any","seen":"{% $seen %}"},
                      "Choices":[{"Condition":"{% $states.input.n < 10 %}","Assign":{"rule":"small","seen":"{% $seen + 1 %}"},"Next":"Done"}],
                      "Default":"Done"},
              "Done":{"Type":"Pass","Output":"{% $merge([{'state': $state, 'seen': $seen}, $exists($rule) ? {'rule': $rule} : {}]) %}","End":true}}}
            """;

        var result = await Machines.RunAsync(definition, $$"""{"n":{{value}}}""");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.Output), $"{result.Output?.ToJsonString()} {result.Cause}");
    }

    [Fact]
    public async Task Output_Undefined_IsAQueryEvaluationErrorNamingTheField()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","QueryLanguage":"JSONata","Output":{"x":"{% $states.input.missing %}"},"End":true}"""));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error);
        Assert.Equal("An error occurred while executing the state 'S' (entered at the event id #2). "
                     + "The JSONata expression '$states.input.missing' specified for the field 'Output/x' returned nothing (undefined).", result.Cause);
    }

    [Theory]
    [InlineData("$partition([1,2,3,4,5], 2)", "[[1,2],[3,4],[5]]")]
    [InlineData("$range(0, 10, 5)", "[0,5,10]")]
    [InlineData("$hash('abc', 'SHA-256')", "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\"")]
    [InlineData("$random(7) = $random(7)", "true")]
    [InlineData("$length($uuid())", "36")]
    [InlineData("$parse('{\"a\":[1]}')", "{\"a\":[1]}")]
    public async Task StepFunctionsFunctions_GiveWhatTheirIntrinsicsGive(string expression, string expected)
    {
        var state = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = $"{{% {expression} %}}", ["End"] = true };

        var result = await Machines.RunAsync(Machines.OneState(state.ToJsonString()));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result.Output), $"{result.Output?.ToJsonString()} {result.Cause}");
    }

    [Fact]
    public async Task Eval_IsRefusedAsStepFunctionsRefusesIt()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $eval('1') %}","End":true}"""));

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error);
    }

    [Fact]
    public async Task JsonPathAssign_IsRecordedOnTheExitedEvent()
    {
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","Assign":{"x":1,"y.$":"$.a"},"End":true}"""), """{"a":"b"}""");

        var exited = result.History.Events.Single(e => e.Type == HistoryEventType.PassStateExited);
        Assert.Equal(new Dictionary<string, string> { ["x"] = "1", ["y"] = "\"b\"" }, exited.AssignedVariables);
    }
}
