using Microsoft.Extensions.Time.Testing;
using StatesLanguage.Errors;
using StatesLanguage.Testing;
using StatesLanguage.Tests.Support;
using StatesLanguage.Validation;

namespace StatesLanguage.Tests.Testing;

/// <summary>TestState through the engine's own executors: each status, each state type TestState accepts, the DEBUG
/// inspection data in both query languages, variables, mocks, context, and the request errors. Expected stages follow
/// what AWS returns for the same kind of state (recorded TestState responses).</summary>
public sealed class StateTesterTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private const string Role = "arn:aws:iam::123456789012:role/TestRole";

    private static Task<TestStateResult> RunAsync(TestStateRequest request, ITaskInvoker? invoker = null, TimeProvider? time = null) =>
        StateTester.TestAsync(request, invoker, time ?? new FakeTimeProvider(), CancellationToken.None).WaitAsync(Generous);

    private static TestStateRequest Debug(string definition, string? input = null) =>
        new() { Definition = definition, Input = input, InspectionLevel = "DEBUG", RoleArn = Role };

    private static void AssertJson(string? expected, string? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse(expected!), JsonNode.Parse(actual!)), $"expected {expected}, got {actual}");
    }

    private static DelegateInvoker Returning(string json, List<string>? payloads = null) => new((invocation, _) =>
    {
        payloads?.Add(invocation.Parameters?.ToJsonString() ?? "null");
        return Task.FromResult(JsonNode.Parse(json));
    });

    private static DelegateInvoker Failing(string error, string cause, List<int>? calls = null) => new((_, _) =>
    {
        calls?.Add(1);
        throw new TaskFailedException(error, cause);
    });

    // ---- Pass -------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Pass_Debug_ShowsInputPathParametersAndResultPathStages()
    {
        const string pass = """
            {"Type":"Pass","InputPath":"$.initialData","Parameters":{"staticValue":"some value","inputValue.$":"$.fieldFromInput"},
             "ResultPath":"$.modifiedData","Next":"After"}
            """;
        const string input = """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}""";

        var result = await RunAsync(Debug(pass, input));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Equal("After", result.NextState);
        const string output = """{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234},"modifiedData":{"staticValue":"some value","inputValue":"value from input"}}""";
        AssertJson(output, result.Output);
        var data = result.InspectionData!;
        AssertJson(input, data.Input);
        AssertJson("""{"fieldFromInput":"value from input","otherField":"other"}""", data.AfterInputPath);
        AssertJson("""{"staticValue":"some value","inputValue":"value from input"}""", data.AfterParameters);
        AssertJson("""{"staticValue":"some value","inputValue":"value from input"}""", data.AfterResultSelector);
        AssertJson(output, data.AfterResultPath);
        Assert.Null(data.Result);
        Assert.Null(data.AfterArguments);
        Assert.Null(data.Variables);
        Assert.Null(data.ErrorDetails);
    }

    [Fact]
    public async Task Pass_WithResult_ShowsTheResultInsteadOfInputPathAndParameters()
    {
        var result = await RunAsync(Debug("""{"Type":"Pass","Result":{"resultKey":"result value"},"End":true}""", """{"Value":"HelloWorld"}"""));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.NextState);
        var data = result.InspectionData!;
        AssertJson("""{"resultKey":"result value"}""", data.Result);
        AssertJson("""{"resultKey":"result value"}""", data.AfterResultSelector);
        AssertJson("""{"resultKey":"result value"}""", data.AfterResultPath);
        Assert.Null(data.AfterInputPath);
        Assert.Null(data.AfterParameters);
    }

    [Fact]
    public async Task InfoLevel_HasNoInspectionData_AndTheDefaultInputIsAnEmptyObject()
    {
        var result = await RunAsync(new TestStateRequest { Definition = """{"Type":"Pass","Next":"B"}""" });

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("{}", result.Output);
        Assert.Equal("B", result.NextState);
        Assert.Null(result.InspectionData);
    }

    [Fact]
    public async Task Jsonata_Pass_ShowsOnlyTheInput_AndAssignedVariablesJoinTheGivenOnes()
    {
        var request = Debug("""{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"total":"{% $base + $states.input.n %}"},"Output":{"sum":"{% $base + $states.input.n %}"},"End":true}""",
            """{"n":5}""");

        var result = await RunAsync(new TestStateRequest
        {
            Definition = request.Definition, Input = request.Input, InspectionLevel = "TRACE", Variables = """{"base":10}""",
        });

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("""{"sum":15}""", result.Output);
        var data = result.InspectionData!;
        AssertJson("""{"n":5}""", data.Input);
        AssertJson("""{"base":10,"total":15}""", data.Variables);
        Assert.Null(data.AfterInputPath);
        Assert.Null(data.AfterParameters);
        Assert.Null(data.AfterResultPath);
    }

    [Fact]
    public async Task JsonPath_VariablesGiven_AreReadByPathsAndListedAfterTheState()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Pass","Parameters":{"who.$":"$name"},"Assign":{"greeted.$":"$.who"},"End":true}""",
            Variables = """{"name":"Ada"}""",
            InspectionLevel = "DEBUG",
        });

        AssertJson("""{"who":"Ada"}""", result.Output);
        AssertJson("""{"name":"Ada","greeted":"Ada"}""", result.InspectionData!.Variables);
    }

    // ---- Choice, Wait, Succeed, Fail ---------------------------------------------------------------------------

    private const string Choice = """
        {"Type":"Choice","InputPath":"$.order","Choices":[
          {"Variable":"$.value","NumericLessThan":20,"Next":"Small"},
          {"Variable":"$.value","NumericLessThan":30,"Next":"ValueInTwenties"}]}
        """;

    [Fact]
    public async Task Choice_NextStateIsTheMatchingRules_AndTheOutputIsTheEffectiveInput()
    {
        var result = await RunAsync(Debug(Choice, """{"order":{"type":"Private","value":22},"other":1}"""));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Equal("ValueInTwenties", result.NextState);
        AssertJson("""{"type":"Private","value":22}""", result.Output);
        AssertJson("""{"type":"Private","value":22}""", result.InspectionData!.AfterInputPath);
    }

    [Fact]
    public async Task Choice_NoRuleMatchesAndNoDefault_Fails()
    {
        var result = await RunAsync(Debug(Choice, """{"order":{"value":99}}"""));

        Assert.Equal(TestExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.NoChoiceMatched, result.Error);
        Assert.Null(result.NextState);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task Jsonata_Choice_NextStateFromTheCondition()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":"{% $states.input.cost > $limit %}","Next":"Ask"}],"Default":"Approve"}""",
            Input = """{"cost":10}""",
            Variables = """{"limit":9}""",
        });

        Assert.Equal("Ask", result.NextState);
    }

    [Fact]
    public async Task Wait_DoesNotWait()
    {
        // The fake clock never moves: a Wait that waited on it would never end (and the test would time out).
        var result = await RunAsync(Debug("""{"Type":"Wait","Seconds":86400,"InputPath":"$.a","Next":"Later"}""", """{"a":{"b":1}}"""));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Equal("Later", result.NextState);
        AssertJson("""{"b":1}""", result.Output);
        AssertJson("""{"b":1}""", result.InspectionData!.AfterInputPath);
    }

    [Fact]
    public async Task Succeed_EndsWithTheOutputPathOfTheInput()
    {
        var result = await RunAsync(Debug("""{"Type":"Succeed","OutputPath":"$.keep"}""", """{"keep":{"x":1},"drop":2}"""));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.NextState);
        AssertJson("""{"x":1}""", result.Output);
    }

    [Fact]
    public async Task Fail_FailsWithItsErrorAndCause_AndShowsTheInputAsAfterInputPath()
    {
        var result = await RunAsync(Debug("""{"Type":"Fail","Error":"SomeFailure","CausePath":"$.why"}""", """{"why":"because"}"""));

        Assert.Equal(TestExecutionStatus.Failed, result.Status);
        Assert.Equal(("SomeFailure", "because"), (result.Error, result.Cause));
        Assert.Null(result.Output);
        AssertJson("""{"why":"because"}""", result.InspectionData!.Input);
        AssertJson("""{"why":"because"}""", result.InspectionData.AfterInputPath);
    }

    [Fact]
    public async Task RuntimeError_FailsWithTheEnginesWording()
    {
        var result = await RunAsync(Debug("""{"Type":"Pass","InputPath":"$.missing","End":true}""", "{}"));

        Assert.Equal(TestExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error);
        Assert.StartsWith("An error occurred while executing the state 'StateName' (entered at the event id #2).", result.Cause, StringComparison.Ordinal);
    }

    // ---- Task --------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Task_Debug_ShowsEveryStage_AndInvokesWithTheParameters()
    {
        var payloads = new List<string>();
        const string task = """
            {"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","Parameters":{"id.$":"$.order.id"},
             "ResultSelector":{"total.$":"$.Payload.total"},"ResultPath":"$.priced","OutputPath":"$.priced","Next":"Ship"}
            """;

        var result = await RunAsync(Debug(task, """{"order":{"id":7}}"""), Returning("""{"Payload":{"total":12.5},"StatusCode":200}""", payloads));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Equal("Ship", result.NextState);
        AssertJson("""{"total":12.5}""", result.Output);
        AssertJson("""{"id":7}""", Assert.Single(payloads));
        var data = result.InspectionData!;
        AssertJson("""{"order":{"id":7}}""", data.AfterInputPath);
        AssertJson("""{"id":7}""", data.AfterParameters);
        AssertJson("""{"Payload":{"total":12.5},"StatusCode":200}""", data.Result);
        AssertJson("""{"total":12.5}""", data.AfterResultSelector);
        AssertJson("""{"order":{"id":7},"priced":{"total":12.5}}""", data.AfterResultPath);
    }

    [Fact]
    public async Task Jsonata_Task_ShowsArgumentsAndResult()
    {
        const string task = """
            {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke",
             "Arguments":{"FunctionName":"foo","Payload":"{% $states.input.Value %}"},"Output":"{% $states.result.Payload %}","End":true}
            """;

        var result = await RunAsync(Debug(task, """{"Value":"HelloWorld"}"""), Returning("""{"Payload":"HelloWorld!"}"""));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("\"HelloWorld!\"", result.Output);
        var data = result.InspectionData!;
        AssertJson("""{"FunctionName":"foo","Payload":"HelloWorld"}""", data.AfterArguments);
        AssertJson("""{"Payload":"HelloWorld!"}""", data.Result);
        Assert.Null(data.AfterInputPath);
        Assert.Null(data.AfterParameters);
        Assert.Null(data.AfterResultSelector);
    }

    private const string Retrying = """
        {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"foo"},
         "Retry":[{"ErrorEquals":["Other"]},{"ErrorEquals":["MockException"],"IntervalSeconds":1,"MaxAttempts":5,"BackoffRate":2.0}],
         "End":true}
        """;

    [Fact]
    public async Task Task_MatchingRetry_IsRetriable_AndNotRetried()
    {
        var calls = new List<int>();

        var result = await RunAsync(Debug(Retrying), Failing("MockException", "boom", calls));

        Assert.Equal(TestExecutionStatus.Retriable, result.Status);
        Assert.Equal(("MockException", "boom"), (result.Error, result.Cause));
        Assert.Single(calls);
        Assert.Equal(new TestStateErrorDetails(null, 1, 1), result.InspectionData!.ErrorDetails);
    }

    [Theory]
    [InlineData(4, "RETRIABLE", 16)]
    [InlineData(5, "FAILED", null)]
    public async Task Task_RetrierRetryCount_GivesTheBackoff_OrExhaustsTheRetrier(int retryCount, string status, int? backoff)
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = Retrying,
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock(ErrorOutput: new TestStateMockError("MockException", "Mock the cause of the error.")),
            RetrierRetryCount = retryCount,
        });

        Assert.Equal(status, result.Status);
        Assert.Equal("MockException", result.Error);
        Assert.Equal(new TestStateErrorDetails(null, 1, backoff), result.InspectionData!.ErrorDetails);
    }

    private const string Catching = """
        {"Type":"Task","Resource":"arn:aws:states:::x","Parameters":{"a":1},
         "Catch":[{"ErrorEquals":["Other"],"Next":"HandleOther"},{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"HandleMockError"}],
         "Next":"Done"}
        """;

    [Fact]
    public async Task Task_MatchingCatch_IsCaughtError_WithTheCatchersNextAndOutput()
    {
        var result = await RunAsync(Debug(Catching, """{"Value":"HelloWorld"}"""), Failing("MockException", "Mock the cause of the error."));

        Assert.Equal(TestExecutionStatus.CaughtError, result.Status);
        Assert.Equal("HandleMockError", result.NextState);
        Assert.Equal(("MockException", "Mock the cause of the error."), (result.Error, result.Cause));
        AssertJson("""{"Value":"HelloWorld","error":{"Error":"MockException","Cause":"Mock the cause of the error."}}""", result.Output);
        Assert.Equal(new TestStateErrorDetails(1, null, null), result.InspectionData!.ErrorDetails);
    }

    [Fact]
    public async Task Task_RetryExhausted_ThenCaught()
    {
        const string definition = """
            {"Type":"Task","Resource":"arn:aws:states:::x","Retry":[{"ErrorEquals":["E"],"MaxAttempts":2}],
             "Catch":[{"ErrorEquals":["E"],"Next":"Handle"}],"End":true}
            """;

        var result = await RunAsync(new TestStateRequest { Definition = definition, InspectionLevel = "DEBUG", RetrierRetryCount = 2, RoleArn = Role }, Failing("E", "c"));

        Assert.Equal(TestExecutionStatus.CaughtError, result.Status);
        Assert.Equal("Handle", result.NextState);
        Assert.Equal(new TestStateErrorDetails(0, 0, null), result.InspectionData!.ErrorDetails);
    }

    [Fact]
    public async Task Task_UnhandledError_Fails()
    {
        var result = await RunAsync(new TestStateRequest { Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""", RoleArn = Role }, Failing("E", "c"));

        Assert.Equal(TestExecutionStatus.Failed, result.Status);
        Assert.Equal(("E", "c"), (result.Error, result.Cause));
    }

    [Fact]
    public async Task Jsonata_Catch_OutputAndAssignSeeTheErrorOutput()
    {
        const string definition = """
            {"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::x",
             "Catch":[{"ErrorEquals":["States.ALL"],"Assign":{"lastError":"{% $states.errorOutput.Error %}"},
                       "Output":{"input":"{% $states.input %}","errorOutput":"{% $states.errorOutput %}"},"Next":"HandleMockError"}],
             "End":true}
            """;

        var result = await RunAsync(new TestStateRequest
        {
            Definition = definition,
            Input = """{"Value":"HelloWorld"}""",
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock(ErrorOutput: new TestStateMockError("MockException", "Mock the cause of the error.")),
        });

        Assert.Equal(TestExecutionStatus.CaughtError, result.Status);
        Assert.Equal("HandleMockError", result.NextState);
        AssertJson("""{"input":{"Value":"HelloWorld"},"errorOutput":{"Error":"MockException","Cause":"Mock the cause of the error."}}""", result.Output);
        AssertJson("""{"lastError":"MockException"}""", result.InspectionData!.Variables);
        Assert.Equal(new TestStateErrorDetails(0, null, null), result.InspectionData.ErrorDetails);
    }

    [Fact]
    public async Task Task_MockResult_ReplacesTheInvocation()
    {
        var calls = new List<int>();

        var result = await RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"ResultSelector":{"p.$":"$.Payload"},"End":true}""",
            Mock = new TestStateMock("""{"Payload":"function output","StatusCode":200}"""),
        }, Failing("NotCalled", "", calls));

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("""{"p":"function output"}""", result.Output);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task Task_RunningLongerThanFiveMinutes_FailsWithStatesTimeout()
    {
        var clock = new FakeTimeProvider();
        var never = new DelegateInvoker((_, token) => Task.Delay(Timeout.Infinite, token).ContinueWith<JsonNode?>(_ => null, TaskScheduler.Default));

        var test = StateTester.TestAsync(new TestStateRequest { Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""", RoleArn = Role },
            never, clock, CancellationToken.None);
        clock.Advance(StateTester.MaxDuration);
        var result = await test.WaitAsync(Generous);

        Assert.Equal(TestExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Timeout, result.Error);
    }

    // ---- Parallel and Map (with mocks only, as on AWS) -------------------------------------------------------------

    private const string Parallel = """
        {"Type":"Parallel","Branches":[
          {"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}},
          {"StartAt":"B2","States":{"B2":{"Type":"Pass","End":true}}}],
         "ResultPath":"$.parallelResult","Next":"After"}
        """;

    [Fact]
    public async Task Parallel_WithMock_TheMockIsTheResult()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = Parallel,
            Input = """{"parallelInput":{"data":"input_value"}}""",
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock("""[{"branch1":"result"},{"branch2":"result"}]"""),
        });

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        Assert.Equal("After", result.NextState);
        AssertJson("""{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"},{"branch2":"result"}]}""", result.Output);
        var data = result.InspectionData!;
        AssertJson("""{"parallelInput":{"data":"input_value"}}""", data.Input);
        AssertJson("""[{"branch1":"result"},{"branch2":"result"}]""", data.AfterResultSelector);
        AssertJson("""{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"},{"branch2":"result"}]}""", data.AfterResultPath);
        Assert.Equal((null, null, null), (data.AfterInputPath, data.AfterParameters, data.Result));
    }

    [Fact]
    public async Task Jsonata_Parallel_WithMock_OutputSeesTheMockAsTheResult()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = """
                {"Type":"Parallel","QueryLanguage":"JSONata","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}}],
                 "Output":{"parallelInput":"{% $states.input.parallelInput %}","parallelResult":"{% $states.result %}"},"End":true}
                """,
            Input = """{"parallelInput":{"data":"input_value"}}""",
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock("""[{"branch1":"result"}]"""),
        });

        AssertJson("""{"parallelInput":{"data":"input_value"},"parallelResult":[{"branch1":"result"}]}""", result.Output);
        var data = result.InspectionData!;
        Assert.Equal((null, null, null), (data.AfterArguments, data.Result, data.AfterResultPath));
    }

    [Theory]
    [InlineData("""{"not":"an array"}""", "Mocked result must be an array.")]
    [InlineData("""[1,2,3]""", "Mocked result must contain the same number of items as number of Parallel branches.")]
    [InlineData("""[1,""", "Mocked result must be valid JSON")]
    public async Task Parallel_MockResultNotOneItemPerBranch_IsAValidationError(string mock, string message)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = Parallel, Mock = new TestStateMock(mock) }));

        Assert.Equal((TestStateErrorCodes.ValidationException, message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Map_WithMock_ShowsItemsPathAndLimits()
    {
        const string map = """
            {"Type":"Map","ItemsPath":"$.Values","MaxConcurrency":2,"ToleratedFailureCount":1,
             "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"ResultPath":"$.result","End":true}
            """;

        var result = await RunAsync(new TestStateRequest
        {
            Definition = map,
            Input = """{"Values":[1,2,3]}""",
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock("[1,4,9]"),
        });

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("""{"Values":[1,2,3],"result":[1,4,9]}""", result.Output);
        var data = result.InspectionData!;
        AssertJson("[1,2,3]", data.AfterItemsPath);
        Assert.Equal((2, 1, (double?)null), (data.MaxConcurrency, data.ToleratedFailureCount, data.ToleratedFailurePercentage));
        AssertJson("""{"Values":[1,2,3]}""", data.AfterInputPath);
        AssertJson("""{"Values":[1,2,3],"result":[1,4,9]}""", data.AfterResultPath);
        Assert.Equal((null, null), (data.AfterParameters, data.Result));
    }

    [Fact]
    public async Task Map_MockedError_GoesThroughRetry()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = """
                {"Type":"Map","QueryLanguage":"JSONata","Items":"{% $states.input.Values %}","ToleratedFailurePercentage":10,
                 "ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},
                 "Retry":[{"ErrorEquals":["MockException"],"MaxAttempts":3},{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"MaxAttempts":2}],
                 "End":true}
                """,
            Input = """{"Values":["first","second","third"]}""",
            InspectionLevel = "DEBUG",
            Mock = new TestStateMock(ErrorOutput: new TestStateMockError("States.ExceedToleratedFailureThreshold", "The specified tolerated failure threshold was exceeded")),
        });

        Assert.Equal(TestExecutionStatus.Retriable, result.Status);
        var data = result.InspectionData!;
        Assert.Equal(new TestStateErrorDetails(null, 1, 1), data.ErrorDetails);
        Assert.Equal((0, 10.0), (data.MaxConcurrency, data.ToleratedFailurePercentage));
        Assert.Null(data.AfterItemsPath);
    }

    [Theory]
    [InlineData("""{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}},"End":true}""")]
    [InlineData("""{"Type":"Parallel","Branches":[{"StartAt":"I","States":{"I":{"Type":"Pass","End":true}}}],"End":true}""")]
    public async Task MapOrParallel_WithoutMock_IsAnInvalidDefinition(string definition)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = definition }));

        Assert.Equal(TestStateErrorCodes.InvalidDefinition, error.ErrorCode);
        Assert.Equal("TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]", error.Message);
    }

    // ---- Request errors ---------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("""{"Type":"Pass","End":true}""", "State type 'Pass' is not supported when a mock is specified")]
    [InlineData("""{"Type":"Fail"}""", "State type 'Fail' is not supported when a mock is specified")]
    [InlineData("""{"Type":"Succeed"}""", "State type 'Succeed' is not supported when a mock is specified")]
    public async Task Mock_OnAStateWithoutWork_IsAValidationError(string definition, string message)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = definition, Mock = new TestStateMock("{}") }));

        Assert.Equal((TestStateErrorCodes.ValidationException, message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Mock_WithResultAndErrorOutput_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""",
            Mock = new TestStateMock("{}", new TestStateMockError("E")),
        }));

        Assert.Equal("A test mock should have only one of the following fields: [result, errorOutput].", error.Message);
    }

    [Fact]
    public async Task InvalidDefinition_GivesTheValidatorsDiagnostics_AtTheSingleStatesLocation()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = """{"Type":"Teleport","End":true}""" }));

        Assert.Equal(TestStateErrorCodes.InvalidDefinition, error.ErrorCode);
        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == AslDiagnosticCodes.InvalidStateType);
        Assert.True(error.Diagnostics.Count == 1, string.Join("; ", error.Diagnostics));
        Assert.Equal("/States/StateName/Type", diagnostic.Location);
        Assert.Equal(AslValidator.InvalidDefinitionMessage(error.Diagnostics), error.Message);
        Assert.StartsWith("Invalid State Machine Definition: '", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SingleState_TransitionsOutOfItAreFine_ButNotInsideItsBranches()
    {
        const string definition = """{"Type":"Parallel","Branches":[{"StartAt":"I","States":{"I":{"Type":"Pass","Next":"Gone"}}}],"Next":"Elsewhere"}""";

        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = definition, Mock = new TestStateMock("[1]") }));

        var diagnostic = Assert.Single(error.Diagnostics, d => d.Code == AslDiagnosticCodes.MissingTransitionTarget);
        Assert.Equal("/States/StateName/Branches[0]/States/I/Next", diagnostic.Location);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1]")]
    public async Task Definition_NotAnObject_IsAnInvalidDefinition(string definition)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = definition }));

        Assert.Equal(TestStateErrorCodes.InvalidDefinition, error.ErrorCode);
        Assert.Equal(AslDiagnosticCodes.InvalidJson, Assert.Single(error.Diagnostics).Code);
    }

    [Fact]
    public async Task Input_NotJson_IsInvalidExecutionInput()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = """{"Type":"Pass","End":true}""", Input = "{oops" }));

        Assert.Equal(TestStateErrorCodes.InvalidExecutionInput, error.ErrorCode);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("""{"x.y":1}""")]
    public async Task Variables_NotAnObjectOfValidNames_AreAValidationError(string variables)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = """{"Type":"Pass","End":true}""", Variables = variables }));

        Assert.Equal(TestStateErrorCodes.ValidationException, error.ErrorCode);
    }

    [Fact]
    public async Task InspectionLevel_Unknown_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = """{"Type":"Pass","End":true}""", InspectionLevel = "ALL" }));

        Assert.Equal(TestStateErrorCodes.ValidationException, error.ErrorCode);
    }

    // ---- A state of a whole machine -----------------------------------------------------------------------------------

    private const string Machine = """
        {"StartAt":"State0","States":{
          "State0":{"Type":"Pass","Result":{"step":0},"Next":"Fan.Out"},
          "Fan.Out":{"Type":"Parallel","Branches":[{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Parameters":{"inner.$":"$.v"},"End":true}}}],"Next":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task StateName_TestsThatStateOfTheMachine()
    {
        var result = await RunAsync(new TestStateRequest { Definition = Machine, StateName = "State0" });

        Assert.Equal("Fan.Out", result.NextState);
        AssertJson("""{"step":0}""", result.Output);
    }

    [Fact]
    public async Task StateName_FindsStatesInsideBranches()
    {
        var result = await RunAsync(new TestStateRequest { Definition = Machine, StateName = "Inner", Input = """{"v":3}""" });

        Assert.Equal(TestExecutionStatus.Succeeded, result.Status);
        AssertJson("""{"inner":3}""", result.Output);
    }

    [Fact]
    public async Task StateName_NotInTheMachine_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest { Definition = Machine, StateName = "Nope" }));

        Assert.Equal((TestStateErrorCodes.ValidationException, "State not found in definition"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task StateName_TheWholeMachineIsValidated()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest
        {
            Definition = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Gone"}}}""",
            StateName = "A",
        }));

        Assert.Equal(TestStateErrorCodes.InvalidDefinition, error.ErrorCode);
        Assert.Contains(error.Diagnostics, d => d.Location == "/States/A/Next");
    }

    // ---- Context ------------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Context_WithAMock_IsTheContextObject()
    {
        var result = await RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","Parameters":{"name.$":"$$.Execution.Name","all.$":"$$"},"ResultPath":null,"OutputPath":"$","End":true}""",
            Context = """{"Execution":{"Name":"my-run"},"State":{}}""",
            Mock = new TestStateMock("{}"),
            InspectionLevel = "DEBUG",
        });

        AssertJson("""{"name":"my-run","all":{"Execution":{"Name":"my-run"},"State":{}}}""", result.InspectionData!.AfterParameters);
    }

    [Theory]
    [InlineData("""{"Map":{}}""", "Invalid Context object provided: 'Map' field is not supported when mocking a Context object")]
    [InlineData("""{"Pokedex":{}}""", "Invalid Context object provided: Field 'Pokedex' is not allowed")]
    [InlineData("""{"Task":{"Token":"t"}}""", "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern")]
    public async Task Context_WithPartsAStateCannotHave_IsAValidationError(string context, string message)
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""",
            Context = context,
            Mock = new TestStateMock("{}"),
        }));

        Assert.Equal((TestStateErrorCodes.ValidationException, message), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task Task_WithoutMockOrRole_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""",
        }, Returning("{}")));

        Assert.Equal((TestStateErrorCodes.ValidationException, "RoleArn must be specified when testing a Task state"), (error.ErrorCode, error.Message));
    }

    [Fact]
    public async Task RoleArn_IsTheContextsExecutionRole()
    {
        var result = await RunAsync(Debug("""{"Type":"Pass","Parameters":{"role.$":"$$.Execution.RoleArn"},"End":true}"""));

        AssertJson($$"""{"role":"{{Role}}"}""", result.Output);
    }

    [Fact]
    public async Task Context_WithoutAMock_IsAValidationError()
    {
        var error = await Assert.ThrowsAsync<TestStateException>(() => RunAsync(new TestStateRequest
        {
            Definition = """{"Type":"Task","Resource":"arn:aws:states:::x","End":true}""",
            Context = "{}",
        }));

        Assert.Equal(TestStateErrorCodes.ValidationException, error.ErrorCode);
    }
}
