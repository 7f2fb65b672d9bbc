using System.Text.Json;
using Analytics.Cli.Workflows;

namespace Analytics.Cli.Tests;

/// <summary>generate → upload → summaries, end to end on the embedded store.</summary>
[Collection(nameof(SerialConsole))]
public sealed class UploadWorkflowTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Generated => Path.Combine(_cli.Root.FullName, "generated");

    private async Task<string> GenerateAsync(int stores = 4, int days = 2, int seed = 42)
    {
        var (exitCode, _) = await _cli.RunAsync("generate", "--stores", $"{stores}", "--days", $"{days}", "--seed", $"{seed}",
                                                "--last-date", "2025-01-15", "--out", Generated);
        Assert.Equal(0, exitCode);
        return Path.Combine(Generated, "sales-2025-01-15.json");
    }

    private async Task<JsonElement> SummariesAsync(string date = "2025-01-15")
    {
        var (exitCode, output) = await _cli.RunAsync("summaries", "--date", date, "--json");
        Assert.Equal(0, exitCode);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public async Task Upload_GeneratedDay_StoresWhatANaiveSumOfTheFileGives()
    {
        var file = await GenerateAsync();

        var (exitCode, output) = await _cli.RunAsync("upload", file);

        Assert.Equal(0, exitCode);
        Assert.Contains("sales-2025-01-15.json: accepted, 4 store-days", output, StringComparison.Ordinal);
        var expected = NaiveTotals(file);
        var stored = (await SummariesAsync()).EnumerateArray().ToDictionary(
            s => s.GetProperty("storeId").GetString()!,
            s => (s.GetProperty("totals").GetProperty("transactions").GetInt32(), s.GetProperty("totals").GetProperty("netRevenue").GetDecimal()));
        Assert.Equal(expected, stored);
    }

    [Fact]
    public async Task Upload_SameFileThreeTimes_StoresExactlyWhatOneUploadStores()
    {
        var file = await GenerateAsync();
        await _cli.RunAsync("upload", file);
        var once = (await SummariesAsync()).GetRawText();

        await _cli.RunAsync("upload", file);
        await _cli.RunAsync("upload", file);

        Assert.Equal(once, (await SummariesAsync()).GetRawText());
    }

    [Fact]
    public async Task Generate_ReturnSpike_EveryStoreHasAFewPercentReturnedAndTheSpikedStoreMost()
    {
        var (exitCode, output) = await _cli.RunAsync("generate", "--stores", "12", "--days", "1", "--last-date", "2025-01-15",
                                                      "--plant-return-spike", "--out", Generated);
        Assert.Equal(0, exitCode);
        var spiked = output[(output.IndexOf("return spike: ", StringComparison.Ordinal) + "return spike: ".Length)..].Split(' ')[0];

        (exitCode, output) = await _cli.RunAsync("upload", Path.Combine(Generated, "sales-2025-01-15.json"));

        Assert.True(exitCode == 0, output);
        var totals = (await SummariesAsync()).EnumerateArray().ToDictionary(s => s.GetProperty("storeId").GetString()!, s => s.GetProperty("totals"));
        var rates = totals.ToDictionary(t => t.Key, t => t.Value.GetProperty("returnRate").GetDecimal());
        var others = totals.Where(t => t.Key != spiked).Select(t => t.Value).ToList();
        var chainRate = others.Sum(t => t.TryGetProperty("returns", out var r) ? r.GetDecimal() : 0m) / others.Sum(t => t.GetProperty("netSales").GetDecimal());
        Assert.Equal(12, rates.Count);
        Assert.InRange(chainRate, 0.003m, 0.05m); // a few percent
        Assert.All(rates.Where(r => r.Key != spiked), r => Assert.InRange(r.Value, 0m, 0.08m));
        Assert.True(rates[spiked] > 2 * rates.Where(r => r.Key != spiked).Max(r => r.Value), string.Join(", ", rates));
    }

    [Fact]
    public async Task Upload_TwoFilesWithOtherTransactionsOfTheSameStoreDay_MergesThem()
    {
        var file = await GenerateAsync(stores: 1, days: 1);
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        var storeDay = document.RootElement[0];
        var transactions = storeDay.GetProperty("transactions").EnumerateArray().Select(t => t.GetRawText()).ToList();
        var half = transactions.Count / 2;
        var morning = WriteStoreDay("morning.json", storeDay, transactions[..half], withReturns: false);
        var evening = WriteStoreDay("evening.json", storeDay, transactions[half..], withReturns: true);

        var (exitCode, _) = await _cli.RunAsync("upload", morning, evening);

        Assert.Equal(0, exitCode);
        var merged = Assert.Single((await SummariesAsync()).EnumerateArray());
        Assert.Equal(NaiveTotals(file).Single().Value,
                     (merged.GetProperty("totals").GetProperty("transactions").GetInt32(), merged.GetProperty("totals").GetProperty("netRevenue").GetDecimal()));
    }

    [Fact]
    public async Task Upload_InvalidFile_ExitsNonZeroMovesItToRejectedWithReportAndStoresNothing()
    {
        var file = await GenerateAsync(stores: 2, days: 1);
        var bad = Path.Combine(_cli.Root.FullName, "bad.json");
        File.WriteAllText(bad, File.ReadAllText(file).Replace("\"quantity\":1,", "\"quantity\":0,", StringComparison.Ordinal));

        var (exitCode, output) = await _cli.RunAsync("upload", bad);

        Assert.Equal(1, exitCode);
        Assert.Contains("bad.json: rejected", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_cli.Bucket, "uploads", "bad.json")));
        Assert.True(File.Exists(Path.Combine(_cli.Bucket, "rejected", "bad.json")));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Bucket, "rejected", "bad.json.error.json")));
        Assert.True(report.RootElement.GetProperty("totalProblems").GetInt32() > 0);
        Assert.Empty((await SummariesAsync()).EnumerateArray());
        var first = report.RootElement.GetProperty("problems")[0];
        var alert = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "outbox", "analytics-alerts"))));
        Assert.Contains($"Upload uploads/bad.json (store {first.GetProperty("storeId").GetString()})", alert, StringComparison.Ordinal);
        Assert.Contains($"First: {first.GetProperty("jsonPath").GetString()}: {first.GetProperty("message").GetString()}", alert, StringComparison.Ordinal);
        var execution = Assert.Single(new ExecutionStore(Path.Combine(_cli.DataDirectory, "executions")).List());
        Assert.Equal(("FAILED", "InvalidUploadException"), ((string?)execution["status"], (string?)execution["error"]));
    }

    [Fact]
    public async Task Generate_SameSeed_WritesTheSameBytes_OtherSeed_Differs()
    {
        var first = File.ReadAllBytes(await GenerateAsync(seed: 7));
        var again = File.ReadAllBytes(await GenerateAsync(seed: 7));
        var other = File.ReadAllBytes(await GenerateAsync(seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    /// <summary>A file of <paramref name="storeDay"/>'s header and <paramref name="transactions"/>, and its returns when
    /// <paramref name="withReturns"/>.</summary>
    private string WriteStoreDay(string name, JsonElement storeDay, IEnumerable<string> transactions, bool withReturns)
    {
        var header = string.Join(",", storeDay.EnumerateObject().Where(p => p.Name is not ("transactions" or "returns")).Select(p => $"\"{p.Name}\":{p.Value.GetRawText()}"));
        var returns = withReturns ? $",\"returns\":{storeDay.GetProperty("returns").GetRawText()}" : "";
        var path = Path.Combine(_cli.Root.FullName, name);
        File.WriteAllText(path, $"{{{header},\"transactions\":[{string.Join(",", transactions)}]{returns}}}");
        return path;
    }

    /// <summary>quantity × unit price − discount of one line, sold or returned.</summary>
    private static decimal LineNet(JsonElement item) =>
        (item.GetProperty("quantity").GetInt32() * item.GetProperty("unit_price").GetDecimal())
        - (item.TryGetProperty("discount", out var discount) ? discount.GetDecimal() : 0m);

    /// <summary>Transactions and net revenue (after returns) per store, summed straight from the file's JSON.</summary>
    private static Dictionary<string, (int, decimal)> NaiveTotals(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.EnumerateArray().ToDictionary(
            s => s.GetProperty("store_id").GetString()!,
            s =>
            {
                var transactions = s.GetProperty("transactions").EnumerateArray().ToList();
                var net = transactions.SelectMany(t => t.GetProperty("items").EnumerateArray()).Sum(LineNet)
                          - s.GetProperty("returns").EnumerateArray().SelectMany(r => r.GetProperty("items").EnumerateArray()).Sum(LineNet);
                return (transactions.Count, net);
            });
    }
}
