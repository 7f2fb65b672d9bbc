using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;

namespace Analytics.Adapters.Tests.Sales;

/// <summary>The sales contract on a SQLite file in a fresh temp folder per test.</summary>
public sealed class SqliteSalesStoreTests : SalesStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("analytics-sqlite-").FullName;
    private readonly SqliteConnectionFactory _connections;

    public SqliteSalesStoreTests()
    {
        _connections = new SqliteConnectionFactory(Path.Combine(_folder, "analytics.db"));
        Store = new SqliteSalesStore(_connections);
    }

    protected override ISalesStore Store { get; }

    [Fact]
    public async Task GetChainHistoryAsync_AfterASaveByAnotherStoreOnTheSameFile_SeesTheSave()
    {
        var other = new SqliteSalesStore(_connections); // as another process would
        var day = SalesSamples.Day;
        await Store.SaveAsync([SalesSamples.Contribution("store-0001", day)], CancellationToken.None);
        var before = Assert.Single(await Store.GetChainHistoryAsync(day.AddDays(-3), day, CancellationToken.None));

        await other.SaveAsync([SalesSamples.Contribution("store-0002", day), SalesSamples.Contribution("store-0002", day.AddDays(-1))], CancellationToken.None);
        var after = await Store.GetChainHistoryAsync(day.AddDays(-3), day, CancellationToken.None);

        Assert.Equal(1, before.StoresTrading);
        Assert.Equal([day.AddDays(-1), day], after.Select(d => d.BusinessDate));
        Assert.Equal(2, after[1].StoresTrading);
        Assert.Equal(before.Totals.Add(SalesSamples.Summary("store-0002", day).Totals), after[1].Totals);
        Assert.Equal(after, await Store.GetChainHistoryAsync(day.AddDays(-3), day, CancellationToken.None)); // kept, same answer
    }

    public void Dispose()
    {
        _connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
