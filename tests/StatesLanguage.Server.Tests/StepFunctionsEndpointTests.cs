namespace StatesLanguage.Server.Tests;

public sealed class StepFunctionsEndpointTests
{
    [Fact]
    public void TargetPrefix_IsTheServiceName() => Assert.Equal("AWSStepFunctions.", StepFunctionsEndpoint.TargetPrefix);
}
