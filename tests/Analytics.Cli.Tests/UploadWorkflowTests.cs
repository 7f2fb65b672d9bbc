using System.Text.Json;
using Analytics.Cli.Commands;
using Analytics.Cli.Workflows;
using Analytics.Domain.Uploads;

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

    [Fact(Skip = "Interim: until ProcessUpload recomputes store-days from the ledger (issue 12, upstream half), each file is stored as revision 1 of its own upload, so two files of one store-day do not add up. Remove this Skip with that change.")]
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
        var key = LocalUploader.KeyOf(new FileInfo(bad));
        Assert.False(File.Exists(Path.Combine(_cli.Bucket, key)));
        Assert.True(File.Exists(Path.Combine(_cli.Bucket, UploadKeys.RejectedKey(key))));
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(_cli.Bucket, UploadKeys.ErrorReportKey(key))));
        Assert.True(report.RootElement.GetProperty("totalProblems").GetInt32() > 0);
        Assert.Empty((await SummariesAsync()).EnumerateArray());
        var first = report.RootElement.GetProperty("problems")[0];
        var alert = File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "outbox", "analytics-alerts"))));
        Assert.Contains($"Upload {key} (store {first.GetProperty("storeId").GetString()})", alert, StringComparison.Ordinal);
        Assert.Contains($"First: {first.GetProperty("jsonPath").GetString()}: {first.GetProperty("message").GetString()}", alert, StringComparison.Ordinal);
        var execution = Assert.Single(new ExecutionStore(Path.Combine(_cli.DataDirectory, "executions")).List());
        Assert.Equal(("FAILED", "InvalidUploadException"), ((string?)execution["status"], (string?)execution["error"]));
    }

    [Fact]
    public async Task Upload_NameWithASpaceAndAPlus_TheEventCarriesItEncodedAsS3DoesAndTheFileIsRead()
    {
        var file = await GenerateAsync();
        var named = Path.Combine(_cli.Root.FullName, "a b+c.json");
        File.Copy(file, named);

        var (exitCode, output) = await _cli.RunAsync("upload", named);

        Assert.Equal(0, exitCode);
        Assert.StartsWith("a b+c.json: accepted, 4 store-days", output, StringComparison.Ordinal);
        var key = LocalUploader.KeyOf(new FileInfo(named)); // uploads/a b+c-<hash>.json
        Assert.True(File.Exists(Path.Combine(_cli.Bucket, key)));
        var execution = output[(output.LastIndexOf("(execution ", StringComparison.Ordinal) + "(execution ".Length)..].TrimEnd().TrimEnd(')');
        var (_, shown) = await _cli.RunAsync("executions", "show", execution, "--json");
        Assert.Contains("uploads/a+b%2Bc" + key[key.LastIndexOf('-')..], Strings(JsonDocument.Parse(shown).RootElement));
    }

    /// <summary>Every string in a JSON document (the execution's input is among them, as JSON text or a value).</summary>
    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.StartsWith('{') ? [element.GetString()!, .. Strings(JsonDocument.Parse(element.GetString()!).RootElement)] : [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    [Fact]
    public async Task Upload_FilesWhoseNamesTheBucketCannotHold_AreReportedAndTheOthersGoOn()
    {
        var file = await GenerateAsync();
        var backslash = Path.Combine(_cli.Root.FullName, "store\\42.json");
        var control = Path.Combine(_cli.Root.FullName, "store\u000142.json");
        // 255 bytes is a file name's limit: its error report "….json.error.json" could not be written.
        var longName = Path.Combine(_cli.Root.FullName, new string('s', 250) + ".json");
        foreach (var bad in (string[])[backslash, control, longName])
        {
            File.Copy(file, bad);
        }

        var (exitCode, output) = await _cli.RunAsync("upload", backslash, control, longName, file);

        Assert.Equal(1, exitCode);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        string Key(string path) => LocalUploader.KeyOf(new FileInfo(path));
        Assert.Equal($"store\\42.json: not uploaded, the local bucket cannot hold '{Key(backslash)}': it contains '\\'; keys use '/' as separator", lines[0]);
        Assert.StartsWith($"store\\u000142.json: not uploaded, the local bucket cannot hold '{Key(control).Replace("\u0001", "\\u0001", StringComparison.Ordinal)}': it contains a control character", lines[1], StringComparison.Ordinal);
        Assert.Contains($"cannot hold '{Key(longName)}': a segment is longer than 255 bytes", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("sales-2025-01-15.json: accepted, 4 store-days", lines[3], StringComparison.Ordinal);
        Assert.Equal([Path.GetFileName(Key(file))], Directory.GetFiles(Path.Combine(_cli.Bucket, "uploads")).Select(Path.GetFileName));
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
