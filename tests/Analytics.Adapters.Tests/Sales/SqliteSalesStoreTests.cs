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

    [Fact]
    public async Task GetDayAsync_DatabaseMadeBeforeReturns_ReadsItsRowsWithoutReturnsAndTakesNewOnes()
    {
        var path = Path.Combine(_folder, "before-returns.db");
        var day = SalesSamples.Day;
        var summary = SalesSamples.Summary("store-0001", day);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The table as it was before returns, and a row as that version wrote it.
            command.CommandText = """
                CREATE TABLE sales_contributions (business_date TEXT NOT NULL, store_id TEXT NOT NULL, contribution_id TEXT NOT NULL,
                    source_key TEXT NOT NULL, currency TEXT NOT NULL, transactions INTEGER NOT NULL, units INTEGER NOT NULL,
                    lines INTEGER NOT NULL, gross_sales TEXT NOT NULL, discounts TEXT NOT NULL, breakdown TEXT NOT NULL, skus TEXT NOT NULL,
                    PRIMARY KEY (business_date, store_id, contribution_id));
                INSERT INTO sales_contributions VALUES ('2025-01-15', 'store-0001', 'c1', 'uploads/old.json', 'USD', 7, 12, 9,
                    '8747561.663', '0.001', $breakdown, $skus);
                """;
            command.Parameters.AddWithValue("$breakdown", System.Text.Encoding.UTF8.GetString(SalesJson.SerializeBreakdown(summary)));
            command.Parameters.AddWithValue("$skus", System.Text.Encoding.UTF8.GetString(SalesJson.SerializeSkus(summary.Skus)));
            await command.ExecuteNonQueryAsync();
        }

        using var connections = new SqliteConnectionFactory(path);
        var store = new SqliteSalesStore(connections);
        var old = Assert.Single(await store.GetDayAsync(day, SalesDetail.WithSkus, CancellationToken.None));
        await store.SaveAsync([SalesSamples.ContributionWithReturns("store-0001", day)], CancellationToken.None);
        var merged = Assert.Single(await store.GetDayAsync(day, SalesDetail.Totals, CancellationToken.None));

        SalesAssert.Equal(summary, old);
        Assert.Equal(0m, old.Totals.Returns);
        Assert.Equal(SalesMerge.StoreDay([summary, SalesSamples.WithReturns(summary)]).Totals, merged.Totals);
    }

    public void Dispose()
    {
        _connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
