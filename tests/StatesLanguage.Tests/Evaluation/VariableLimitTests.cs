using StatesLanguage.Evaluation;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

/// <summary>Step Functions' limits on variables: 256 KiB a variable, 256 KiB an Assign, 10 MiB stored.</summary>
public sealed class VariableLimitTests
{
    /// <summary>A JSONata expression giving a string of exactly <paramref name="bytes"/> bytes of JSON (quotes included).</summary>
    private static string StringOf(int bytes) => $"{{% $pad('', {bytes - 2}, 'v') %}}";

    private static string AssignState(string assign, string next = "\"End\":true") =>
        $$"""{"Type":"Pass","QueryLanguage":"JSONata","Assign":{{{assign}}},"Output":{},{{next}}}""";

    [Fact]
    public async Task Variable_Of256KiB_IsAssigned()
    {
        var result = await Machines.RunAsync(Machines.OneState(AssignState($"\"big\":\"{StringOf(262_144)}\"")));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Variable_OneByteOver256KiB_FailsWithDataLimitExceeded()
    {
        var result = await Machines.RunAsync(Machines.OneState(AssignState($"\"big\":\"{StringOf(262_145)}\"")));

        Assert.Equal("States.DataLimitExceeded", result.Error);
        Assert.Equal("The state 'S' assigned the variable 'big' a value of 262,145 bytes: a variable holds at most 262,144 bytes.", result.Cause);
    }

    [Fact]
    public async Task Assign_TwoHalvesOf256KiB_AreAssignedAndOneByteMoreFails()
    {
        var fits = await Machines.RunAsync(Machines.OneState(AssignState($"\"a\":\"{StringOf(131_072)}\",\"b\":\"{StringOf(131_072)}\"")));
        var over = await Machines.RunAsync(Machines.OneState(AssignState($"\"a\":\"{StringOf(131_072)}\",\"b\":\"{StringOf(131_073)}\"")));

        Assert.Equal(ExecutionStatus.Succeeded, fits.Status);
        Assert.Equal("States.DataLimitExceeded", over.Error);
        Assert.Equal("The Assign of the state 'S' sets 262,145 bytes of variables: one Assign sets at most 262,144 bytes.", over.Cause);
    }

    /// <summary><paramref name="states"/> Pass states in a row, state i assigning <c>v{i % distinct}</c> 256 KiB; the last
    /// goes to <paramref name="then"/> (a state of the definition) or ends.</summary>
    private static string Chain(int states, int distinct, string? then = null, string thenState = "")
    {
        var parts = new List<string>();
        for (var i = 0; i < states; i++)
        {
            var next = i < states - 1 ? $"\"Next\":\"S{i + 1}\"" : then is null ? "\"End\":true" : $"\"Next\":\"{then}\"";
            parts.Add($"\"S{i}\":" + AssignState($"\"v{i % distinct}\":\"{StringOf(262_144)}\"", next));
        }
        if (thenState.Length > 0)
            parts.Add(thenState);
        return "{\"StartAt\":\"S0\",\"States\":{" + string.Join(',', parts) + "}}";
    }

    [Fact]
    public async Task Stored_40VariablesOf256KiB_Are10MiBAndOneMoreFails()
    {
        var fits = await Machines.RunAsync(Chain(40, 40));
        var over = await Machines.RunAsync(Chain(41, 41));

        Assert.Equal(ExecutionStatus.Succeeded, fits.Status);
        Assert.Equal("States.DataLimitExceeded", over.Error);
        Assert.Equal("After the Assign of the state 'S40' the variables would hold 10,747,904 bytes: an execution stores at most 10,485,760 bytes of variables.", over.Cause);
    }

    [Fact]
    public async Task Stored_ReassigningAVariable_ReplacesItsSize()
    {
        var result = await Machines.RunAsync(Chain(60, 2));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Stored_AnIterationCountsTheOuterVariables()
    {
        const string map = """
            "M":{"Type":"Map","QueryLanguage":"JSONata","Items":[1],"ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Pass","Assign":{"inner":1},"End":true}}},"End":true}
            """;

        var result = await Machines.RunAsync(Chain(40, 40, "M", map));

        Assert.Equal("States.DataLimitExceeded", result.Error);
        Assert.Equal("After the Assign of the state 'I' the variables would hold 10,485,761 bytes: an execution stores at most 10,485,760 bytes of variables.", result.Cause);
    }
}
