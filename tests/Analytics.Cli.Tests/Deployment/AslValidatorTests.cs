using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>The state machines pass the npm asl-validator, installed from tools/asl-validator's lockfile on first use.</summary>
public sealed class AslValidatorTests
{
    private static readonly string ToolFolder = Path.Combine(SharedFolder.Repository, "tools", "asl-validator");
    private static readonly SemaphoreSlim InstallGate = new(1, 1);

    [ToolFact("npm", "Node.js 20 with npm")]
    public async Task StateMachines_PassTheAslValidator()
    {
        var validator = await InstallAsync();
        foreach (var definition in Directory.GetFiles(Path.Combine(SharedFolder.Repository, "state-machines"), "*.asl.json"))
        {
            var (exitCode, output) = await ExternalTool.RunAsync(validator, ToolFolder, "--json-path", definition);
            Assert.True(exitCode == 0, $"{Path.GetFileName(definition)}: {output}");
        }
    }

    [ToolFact("npm", "Node.js 20 with npm")]
    public async Task AslValidator_CatchesABrokenDefinition()
    {
        var validator = await InstallAsync();
        var (exitCode, _) = await ExternalTool.RunAsync(validator, ToolFolder, "--json-definition", """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""");
        Assert.NotEqual(0, exitCode);
    }

    private static async Task<string> InstallAsync()
    {
        var validator = Path.Combine(ToolFolder, "node_modules", ".bin", "asl-validator");
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(validator))
            {
                var (exitCode, output) = await ExternalTool.RunAsync("npm", ToolFolder, "ci", "--no-audit", "--no-fund");
                Assert.True(exitCode == 0, $"npm ci in tools/asl-validator failed: {output}");
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return validator;
    }
}
