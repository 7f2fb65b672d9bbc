using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>
/// Reads an upload whose item <c>name</c> is a string of a given number of megabytes, generated as it is read; run in
/// a child process (the test assembly's entry point, <see cref="Program"/>) so that a GC heap limit applies to the read
/// alone. Prints the result as one JSON object.
/// </summary>
internal static class LongTokenProbe
{
    public const string Command = "read-long-name";

    /// <summary>The file around the long name: the name's opening quote ends the prefix.</summary>
    public static (byte[] Prefix, byte[] Suffix) Parts()
    {
        var marker = "\"name\":\"Beans\"";
        var at = MalformedUploads.Valid.IndexOf(marker, StringComparison.Ordinal) + "\"name\":\"".Length;
        return (Encoding.UTF8.GetBytes(MalformedUploads.Valid[..at]), Encoding.UTF8.GetBytes(MalformedUploads.Valid[(at + "Beans".Length)..]));
    }

    public static GeneratedStream Upload(long nameBytes)
    {
        var (prefix, suffix) = Parts();
        return new GeneratedStream(prefix, (byte)'n', nameBytes, suffix);
    }

    public static async Task<int> RunAsync(long megabytes)
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(Upload(megabytes * 1024 * 1024));
        var output = new
        {
            heapLimit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            bytes = result.Bytes,
            emitted = emitted.Count,
            problems = result.Problems.Select(p => new { code = p.Code, path = p.JsonPath, line = p.Line, column = p.Column, message = p.Message }),
            totalProblems = result.TotalProblems,
        };
        Console.WriteLine(JsonSerializer.Serialize(output));
        return 0;
    }

    /// <summary>Runs the probe in a child process whose GC heap is capped at <paramref name="heapLimitBytes"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunInChildAsync(long megabytes, long heapLimitBytes)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            ArgumentList = { "exec", typeof(LongTokenProbe).Assembly.Location, Command, megabytes.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimitBytes.ToString("X", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet exec did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
