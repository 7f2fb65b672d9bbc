using StatesLanguage.Evaluation.Tasks;
using StatesLanguage.Tests.Support;

namespace StatesLanguage.Tests.Evaluation;

public sealed class LambdaTaskInvokerTests
{
    private sealed class Functions(LambdaFunctionResult answer) : ILambdaFunctionInvoker
    {
        public List<(string Name, JsonNode? Payload)> Calls { get; } = [];

        public Task<LambdaFunctionResult> InvokeAsync(string functionName, JsonNode? payload, CancellationToken cancellationToken)
        {
            Calls.Add((functionName, payload));
            return Task.FromResult(answer);
        }
    }

    private static TaskInvokerResolver Resolver(ILambdaFunctionInvoker functions)
    {
        var lambda = new LambdaTaskInvoker(functions);
        return new TaskInvokerResolver().Register(LambdaTaskInvoker.InvokeResource, lambda).RegisterPrefix("arn:aws:lambda:", lambda);
    }

    [Fact]
    public async Task LambdaInvoke_Success_ReturnsInvokeResponseShape()
    {
        var functions = new Functions(LambdaFunctionResult.Success(JsonNode.Parse("""{"n":1}""")));
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"fn","Payload.$":"$"},"End":true}
            """), """{"in":2}""", Resolver(functions));
        var output = result.Output!.AsObject();
        Assert.Equal("$LATEST", output["ExecutedVersion"]!.GetValue<string>());
        Assert.Equal(200, output["StatusCode"]!.GetValue<int>());
        Assert.Equal(200, output["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.NotNull(output["SdkResponseMetadata"]!["RequestId"]);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"n":1}"""), output["Payload"]));
        Assert.Equal("fn", functions.Calls[0].Name);
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"in":2}"""), functions.Calls[0].Payload));
    }

    [Fact]
    public async Task PlainFunctionArn_Success_ReturnsFunctionOutputOnly()
    {
        var functions = new Functions(LambdaFunctionResult.Success(JsonNode.Parse("""{"n":1}""")));
        var result = await Machines.RunAsync(Machines.OneState("""{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","End":true}"""),
            invoker: Resolver(functions));
        Assert.True(JsonComparer.AreEqual(JsonNode.Parse("""{"n":1}"""), result.Output));
    }

    [Fact]
    public async Task FunctionError_FailsWithErrorTypeAndErrorDocumentCause()
    {
        var functions = new Functions(LambdaFunctionResult.Failure("InvalidOperationException", "Example failure.", ["at A.B()"]));
        var result = await Machines.RunAsync(Machines.OneState("""
            {"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"fn"},"End":true}
            """), invoker: Resolver(functions));
        Assert.Equal("InvalidOperationException", result.Error);
        Assert.Equal("""{"errorType":"InvalidOperationException","errorMessage":"Example failure.","stackTrace":["at A.B()"]}""", result.Cause);
    }
}
