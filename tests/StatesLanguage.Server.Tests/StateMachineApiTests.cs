namespace StatesLanguage.Server.Tests;

/// <summary>CreateStateMachine, DescribeStateMachine, ListStateMachines, UpdateStateMachine and DeleteStateMachine over
/// HTTP, with AWS's errors and messages.</summary>
public sealed class StateMachineApiTests : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Create_ThenDescribe_ShowsTheMachineWithAwsDefaults()
    {
        var arn = await _server.CreateAsync("orders", Definitions.Pass);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:stateMachine:orders", arn);

        var described = await _server.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("orders", (string?)described["name"]);
        Assert.Equal(Definitions.Pass, (string?)described["definition"]);
        Assert.Equal(TestServer.Role, (string?)described["roleArn"]);
        Assert.Equal("STANDARD", (string?)described["type"]);
        Assert.Equal("ACTIVE", (string?)described["status"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"level":"OFF","includeExecutionData":false}"""), described["loggingConfiguration"]));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"enabled":false}"""), described["tracingConfiguration"]));
        Assert.Null(described["revisionId"]);
        Assert.InRange((double)described["creationDate"]!, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Create_SameNameAndDefinitionAgain_IsIdempotentEvenWithAnotherRole()
    {
        var first = await _server.CallAsync("CreateStateMachine", new JsonObject { ["name"] = "m", ["definition"] = Definitions.Pass, ["roleArn"] = TestServer.Role });
        var second = await _server.CallAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "m", ["definition"] = Definitions.Pass, ["roleArn"] = "arn:aws:iam::123456789012:role/Other",
        });

        Assert.Equal((string?)first["stateMachineArn"], (string?)second["stateMachineArn"]);
        Assert.Equal((double)first["creationDate"]!, (double)second["creationDate"]!);
        var described = await _server.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = first["stateMachineArn"]!.DeepClone() });
        Assert.Equal(TestServer.Role, (string?)described["roleArn"]);
    }

    [Fact]
    public async Task Create_SameNameOtherDefinition_IsStateMachineAlreadyExists()
    {
        var arn = await _server.CreateAsync("m", Definitions.Pass);

        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "m", ["definition"] = Definitions.Pass2, ["roleArn"] = TestServer.Role,
        });

        Assert.Equal("StateMachineAlreadyExists", type);
        Assert.Equal($"State Machine Already Exists: '{arn}'", message);
    }

    [Fact]
    public async Task Create_DefinitionWithProblems_IsInvalidDefinitionListingEachAsAws()
    {
        var definition = """
            { "StartAt": "A", "States": { "A": { "Type": "Pass", "Next": "Missing" }, "B": { "Type": "Succeed" } } }
            """;

        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "bad", ["definition"] = definition, ["roleArn"] = TestServer.Role,
        });

        Assert.Equal("InvalidDefinition", type);
        Assert.StartsWith("Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Missing at /States/A/Next, ", message);
        Assert.EndsWith("'", message);
    }

    [Fact]
    public async Task Create_ExpressWithWaitForTaskToken_IsInvalidDefinitionInAwsWords()
    {
        var definition = """
            { "StartAt": "Publish", "States": { "Publish": { "Type": "Task", "Resource": "arn:aws:states:::sns:publish.waitForTaskToken", "End": true } } }
            """;

        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "callbacks", ["definition"] = definition, ["roleArn"] = TestServer.Role, ["type"] = "EXPRESS",
        });

        Assert.Equal("InvalidDefinition", type);
        Assert.Equal("Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at /States/Publish/Resource'", message);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("a/b")]
    [InlineData("a:b")]
    [InlineData("a#b")]
    [InlineData("a~b")]
    [InlineData("tab\there")]
    public async Task Create_NameWithAForbiddenCharacter_IsInvalidName(string name)
    {
        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = Definitions.Pass, ["roleArn"] = TestServer.Role,
        });

        Assert.Equal("InvalidName", type);
        Assert.Equal($"Invalid Name: '{name}'", message);
    }

    [Fact]
    public async Task Create_NameOf81Characters_IsValidationException()
    {
        var name = new string('n', 81);

        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = Definitions.Pass, ["roleArn"] = TestServer.Role,
        });

        Assert.Equal("ValidationException", type);
        Assert.Equal($"1 validation error detected: Value '{name}' at 'name' failed to satisfy constraint: Member must have length less than or equal to 80", message);
    }

    [Fact]
    public async Task Create_WithoutDefinitionAndRole_IsValidationExceptionNamingBoth()
    {
        var (type, message) = await _server.FailAsync("CreateStateMachine", new JsonObject { ["name"] = "m" });

        Assert.Equal("ValidationException", type);
        Assert.Equal("2 validation errors detected: Value null at 'definition' failed to satisfy constraint: Member must not be null; "
                     + "Value null at 'roleArn' failed to satisfy constraint: Member must not be null", message);
    }

    [Fact]
    public async Task Describe_UnknownMachine_IsStateMachineDoesNotExist()
    {
        const string arn = "arn:aws:states:us-east-1:123456789012:stateMachine:nobody";

        var (type, message) = await _server.FailAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("StateMachineDoesNotExist", type);
        Assert.Equal($"State Machine Does Not Exist: '{arn}'", message);
    }

    [Fact]
    public async Task Describe_NotAnArn_IsInvalidArn()
    {
        var (type, message) = await _server.FailAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = "not_a_valid_arn" });

        Assert.Equal("InvalidArn", type);
        Assert.Equal("Invalid Arn: 'Invalid ARN prefix: not_a_valid_arn'", message);
    }

    [Fact]
    public async Task Update_Definition_ChangesItAndGivesARevision()
    {
        var arn = await _server.CreateAsync("m", Definitions.Pass);

        var updated = await _server.CallAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn, ["definition"] = Definitions.Pass2 });
        var described = await _server.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.NotNull((double?)updated["updateDate"]);
        Assert.True(Guid.TryParse((string?)updated["revisionId"], out _));
        Assert.Equal((string?)updated["revisionId"], (string?)described["revisionId"]);
        Assert.Equal(Definitions.Pass2, (string?)described["definition"]);
    }

    [Fact]
    public async Task Update_Nothing_IsMissingRequiredParameter()
    {
        var arn = await _server.CreateAsync("m", Definitions.Pass);

        var (type, message) = await _server.FailAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("MissingRequiredParameter", type);
        Assert.Equal("Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified", message);
    }

    [Fact]
    public async Task Delete_ThenDescribe_IsGoneAndDeletingAgainSucceeds()
    {
        var arn = await _server.CreateAsync("m", Definitions.Pass);

        await _server.CallAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        var (type, _) = await _server.FailAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });
        var again = await _server.CallAsync("DeleteStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal("StateMachineDoesNotExist", type);
        Assert.Empty(again);
    }

    [Fact]
    public async Task List_InPagesOfTwo_ReturnsEveryMachineOnceByName()
    {
        foreach (var name in new[] { "c", "a", "e", "b", "d" })
            await _server.CreateAsync(name, Definitions.Pass);

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = new JsonObject { ["maxResults"] = 2 };
            if (token is not null)
                request["nextToken"] = token;
            var page = await _server.CallAsync("ListStateMachines", request);
            names.AddRange(page["stateMachines"]!.AsArray().Select(m => (string)m!["name"]!));
            token = (string?)page["nextToken"];
            pages++;
        }
        while (token is not null);

        Assert.Equal(["a", "b", "c", "d", "e"], names);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task List_MaxResultsOver1000_IsValidationException()
    {
        var (type, message) = await _server.FailAsync("ListStateMachines", new JsonObject { ["maxResults"] = 1001 });

        Assert.Equal("ValidationException", type);
        Assert.Equal("1 validation error detected: Value '1001' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000", message);
    }

    [Fact]
    public async Task List_TokenNotFromTheService_IsInvalidToken()
    {
        var (type, _) = await _server.FailAsync("ListStateMachines", new JsonObject { ["nextToken"] = "bogus" });

        Assert.Equal("InvalidToken", type);
    }

    [Fact]
    public async Task UnknownOperation_IsUnknownOperationException()
    {
        var (status, body) = await _server.SendAsync("FlyToTheMoon", []);

        Assert.Equal(400, status);
        Assert.Equal("com.amazon.coral.service#UnknownOperationException", (string?)body["__type"]);
    }

    [Fact]
    public async Task Restart_KeepsTheStateMachines()
    {
        var arn = await _server.CreateAsync("kept", Definitions.Pass);
        await _server.DisposeAsync();
        _server = await TestServer.StartAsync(root: _server.Root);

        var described = await _server.CallAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = arn });

        Assert.Equal(Definitions.Pass, (string?)described["definition"]);
    }
}
