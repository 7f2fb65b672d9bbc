using System.Collections.Concurrent;

namespace StatesLanguage.Server.Tests;

/// <summary>Many StartExecution calls at once: every execution is recorded, none lost or duplicated.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task StartExecution_1000CallsFrom50Clients_ListsExactly1000DistinctSucceededExecutions()
    {
        await using var server = await TestServer.StartAsync();
        var machine = await server.CreateAsync("load", Definitions.PassTaskSucceed);
        var started = new ConcurrentBag<string>();
        var next = -1;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = server.Endpoint };
            int i;
            while ((i = Interlocked.Increment(ref next)) < 1000)
            {
                var (status, body) = await server.SendAsync("StartExecution", new JsonObject
                {
                    ["stateMachineArn"] = machine, ["name"] = $"run-{i}", ["input"] = $$"""{"n":{{i}}}""",
                }, client);
                Assert.Equal(200, status);
                started.Add((string)body["executionArn"]!);
            }
        }));
        var listed = await ListAllAsync(server, machine, succeededOnly: true, expected: 1000);

        Assert.Equal(1000, started.Distinct().Count());
        Assert.Equal(1000, listed.Count);
        Assert.Equal(1000, listed.Select(e => (string)e["executionArn"]!).Distinct().Count());
        Assert.True(started.ToHashSet().SetEquals(listed.Select(e => (string)e["executionArn"]!)));
        Assert.All(listed, e => Assert.Equal("SUCCEEDED", (string?)e["status"]));
        Assert.Equal(1000, Directory.GetFiles(server.ExecutionsDirectory, "*.json").Length);
    }

    [Fact]
    public async Task StartExecution_SameNameAndInputFrom20ClientsAtOnce_StartsOneExecution()
    {
        await using var server = await TestServer.StartAsync(instantWaits: false);
        var machine = await server.CreateAsync("waiting", Definitions.LongWait);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            using var client = new HttpClient { BaseAddress = server.Endpoint };
            return await server.SendAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "once", ["input"] = "{}" }, client);
        }));
        var listed = await ListAllAsync(server, machine, succeededOnly: false, expected: 1);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Single(answers.Select(a => (string)a.Body["executionArn"]!).Distinct());
        Assert.Single(listed);
        Assert.Single(Directory.GetFiles(server.ExecutionsDirectory, "*.json"));
    }

    /// <summary>Pages through ListExecutions (1000 a page at most, so several pages of 100) until the wanted number of
    /// executions have succeeded (a few minutes at most).</summary>
    private static async Task<List<JsonObject>> ListAllAsync(TestServer server, string machine, bool succeededOnly, int expected)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var all = new List<JsonObject>();
            string? token = null;
            do
            {
                var request = new JsonObject { ["stateMachineArn"] = machine, ["maxResults"] = 100 };
                if (succeededOnly)
                    request["statusFilter"] = "SUCCEEDED";
                if (token is not null)
                    request["nextToken"] = token;
                var page = await server.CallAsync("ListExecutions", request);
                all.AddRange(page["executions"]!.AsArray().Select(e => e!.AsObject()));
                token = (string?)page["nextToken"];
            }
            while (token is not null);
            if (all.Count >= expected || DateTime.UtcNow > deadline)
                return all;
            await Task.Delay(100);
        }
    }
}
