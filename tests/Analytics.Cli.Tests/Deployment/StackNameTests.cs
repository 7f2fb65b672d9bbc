using Analytics.Cli.Deployment;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>
/// Two stacks of the template can live in one account and region: aws-sam-translator expands the template as two
/// stacks (so the names SAM gives the resources it generates are checked too) and no resource's name is the same in both.
/// </summary>
public sealed class StackNameTests
{
    [ToolFact("python3", "python3 with aws-sam-translator: pip install aws-sam-translator")]
    public async Task Template_TwoStacksInOneAccount_ShareNoResourceName()
    {
        var (exitCode, output) = await ExternalTool.RunAsync("python3", SharedFolder.Repository,
            Path.Combine(AppContext.BaseDirectory, "Deployment", "check_unique_names.py"), SamTemplate.FileName);

        Assert.True(exitCode == 0, output);
    }
}
