using System.Globalization;
using Analytics.Domain.Tests.Uploads;

namespace Analytics.Domain.Tests;

/// <summary>
/// The test assembly's entry point, for tests that need a process of their own (a GC heap limit applies to a whole
/// process): <c>dotnet exec Analytics.Domain.Tests.dll read-long-name MEGABYTES</c>. The test runner does not use it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args) => args switch
    {
        [LongTokenProbe.Command, var megabytes] => await LongTokenProbe.RunAsync(long.Parse(megabytes, CultureInfo.InvariantCulture)),
        _ => 2,
    };
}
