using Analytics.Cli.Commands;

namespace Analytics.Cli.Tests;

/// <summary>An unknown time zone or a business date before 2000 is a usage error before any work, never a failed run.</summary>
[Collection(nameof(SerialConsole))]
public sealed class BadArgumentTests : IDisposable
{
    private const string Unknown = "Mars/Olympus_Mons";
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("daily", "--date", "2025-01-15")]
    [InlineData("demo", "--stores", "3", "--days", "2")]
    [InlineData("generate", "--stores", "3", "--days", "2", "--out", "generated")]
    public async Task Command_UnknownTimeZone_IsAUsageErrorAndNothingRuns(params string[] command)
    {
        var (exitCode, output, errors) = await _cli.RunWithErrorsAsync([.. command.Select(Under), "--time-zone", Unknown]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"--time-zone '{Unknown}' is not a time zone of the tz database", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDirectory, "executions")), "an execution ran");
        Assert.False(Directory.Exists(Under("generated")), "files were generated");
    }

    [Fact]
    public async Task Daily_KnownTimeZone_IsTaken()
    {
        var (exitCode, _, errors) = await _cli.RunWithErrorsAsync("daily", "--date", "2025-01-15", "--time-zone", "Europe/Paris");

        // Nothing was uploaded: the run itself fails, but the zone passed.
        Assert.Equal(1, exitCode);
        Assert.DoesNotContain("--time-zone", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ConfiguredZoneUnknown_ReportsItAndRunsNothing()
    {
        var data = Path.Combine(_cli.Root.FullName, "configured");
        await using var services = LocalEnvironment.CreateServices(data, configure: DailyCommand.ChainTimeZone(Unknown));
        var original = Console.Error;
        using var errors = new StringWriter();
        Console.SetError(errors);
        try
        {
            var (exitCode, insights) = await DailyCommand.RunAsync(services, new DateOnly(2025, 1, 15), CancellationToken.None);

            Assert.Equal((2, null), (exitCode, insights));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.StartsWith($"Analysis:TimeZone '{Unknown}' is not a time zone of the tz database", errors.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(data, "executions")), "an execution ran");
    }

    [Fact]
    public async Task Daily_DateBefore2000_IsAUsageErrorAndNothingRuns()
    {
        var (exitCode, _, errors) = await _cli.RunWithErrorsAsync("daily", "--date", "1999-12-31", "--time-zone", "UTC");

        Assert.Equal(2, exitCode);
        Assert.Contains("--date 1999-12-31 is before 2000-01-01, the earliest business date this system holds.", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDirectory, "executions")), "an execution ran");
    }

    [Theory]
    [InlineData("generate", "--out", "generated")]
    [InlineData("demo")]
    public async Task GenerateOrDemo_DatesStartingBefore2000_IsAUsageErrorAndNothingRuns(params string[] command)
    {
        var (exitCode, _, errors) = await _cli.RunWithErrorsAsync([.. command.Select(Under), "--stores", "3", "--days", "10", "--last-date", "2000-01-09"]);

        Assert.Equal(2, exitCode);
        Assert.Contains("--last-date 2000-01-09 with --days 10 starts before 2000-01-01", errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Under("generated")), "files were generated");
        Assert.False(Directory.Exists(Path.Combine(_cli.DataDirectory, "executions")), "an execution ran");
    }

    private string Under(string argument) => argument == "generated" ? Path.Combine(_cli.Root.FullName, "generated") : argument;
}
