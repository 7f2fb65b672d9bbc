using StatesLanguage.Evaluation;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class DataLimitTests
{
    /// <summary>A Pass whose output is <c>"xxx…"</c>, exactly <paramref name="bytes"/> bytes of JSON.</summary>
    private static string PassProducing(int bytes) =>
        Machines.OneState($$"""{"Type":"Pass","Result":"{{new string('x', bytes - 2)}}","End":true}""");

    [Fact]
    public async Task StateOutput_Exactly262144Bytes_Succeeds()
    {
        var result = await Machines.RunAsync(PassProducing(262_144));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task StateOutput_OneByteOver_FailsWithDataLimitExceeded()
    {
        var result = await Machines.RunAsync(PassProducing(262_145));
        Assert.Equal("States.DataLimitExceeded", result.Error);
        Assert.Equal("The state/task 'S' returned a result with a size exceeding the maximum number of bytes service limit.", result.Cause);
    }

    [Fact]
    public async Task StateOutput_MultiByteCharacters_CountsUtf8Bytes()
    {
        var text = new string('é', 131_072); // 2 bytes each in UTF-8: 262,144 + quotes
        var result = await Machines.RunAsync(Machines.OneState($$"""{"Type":"Pass","Result":"{{text}}","End":true}"""));
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public async Task ExecutionInput_TooLarge_FailsWithDataLimitExceeded()
    {
        var input = $$"""{"a":"{{new string('x', 262_200)}}"}""";
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Pass","End":true}"""), input);
        Assert.Equal("States.DataLimitExceeded", result.Error);
    }

    [Fact]
    public async Task LambdaInvokeResult_TooLarge_NamesTheServiceAndIsCatchable()
    {
        var big = new DelegateInvoker((_, _) => Task.FromResult<JsonNode?>(JsonValue.Create(new string('x', 262_144))));
        var result = await Machines.RunAsync("""
            {"StartAt":"T","States":{
              "T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Catch":[{"ErrorEquals":["States.ALL"],"Next":"H"}],"End":true},
              "H":{"Type":"Pass","End":true}}}
            """, invoker: big);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""
            {"Error":"States.DataLimitExceeded","Cause":"The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit."}
            """), result.Output));
    }
}
