using Analytics.Cli.Embedded;
using Analytics.Domain.Sales;
using Microsoft.Data.Sqlite;
using static Analytics.Adapters.Tests.Sales.SalesSamples;

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
    public async Task GetChainHistoryAsync_AfterACommitByAnotherStoreOnTheSameFile_SeesTheCommit()
    {
        var other = new SqliteSalesStore(_connections); // as another process would
        await SaveAsync(Record("store-0001", Day));
        var before = Assert.Single(await Store.GetChainHistoryAsync(Day.AddDays(-3), Day, None));

        StoreDayRecord[] records = [Record("store-0002", Day, upload: "b"), Record("store-0002", Day.AddDays(-1), upload: "b")];
        await other.StageAsync(records[0].UploadId, records, None);
        Assert.Equal([before], await Store.GetChainHistoryAsync(Day.AddDays(-3), Day, None)); // staging changes nothing
        await other.CommitAsync(records[0].UploadId, [.. records.Select(r => r.Key)], None);
        var after = await Store.GetChainHistoryAsync(Day.AddDays(-3), Day, None);

        Assert.Equal(1, before.StoresTrading);
        Assert.Equal([Day.AddDays(-1), Day], after.Select(d => d.BusinessDate));
        Assert.Equal(2, after[1].StoresTrading);
        Assert.Equal(before.Totals.Add(Summary("store-0002", Day).Totals), after[1].Totals);
        Assert.Equal(after, await Store.GetChainHistoryAsync(Day.AddDays(-3), Day, None)); // kept, same answer
    }

    [Fact]
    public async Task CommitAsync_HigherRevision_LeavesOnlyItsRowAndTheCommits()
    {
        await SaveAsync(Record("store-0001", Day, revision: 1, upload: "old"));
        await StageAsync(Record("store-0001", Day, revision: 3, upload: "staged")); // superseded too, though never committed

        await SaveAsync(Record("store-0001", Day, revision: 4, upload: "new", factor: 2m));

        Assert.Equal([$"store-0001 4 {UploadId("new")}"], await ScalarsAsync("SELECT store_id || ' ' || revision || ' ' || upload_id FROM sales_records"));
        Assert.Equal(2, (await ScalarsAsync("SELECT upload_id FROM sales_commits")).Count);
    }

    [Fact]
    public async Task Reads_DatabaseMadeBeforeRecords_OpenWithoutItsOldRowsAndTakeNewRecords()
    {
        var path = Path.Combine(_folder, "before-records.db");
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            // The table as it was before store-day records, and a row as that version wrote it.
            command.CommandText = """
                CREATE TABLE sales_contributions (business_date TEXT NOT NULL, store_id TEXT NOT NULL, contribution_id TEXT NOT NULL,
                    source_key TEXT NOT NULL, currency TEXT NOT NULL, transactions INTEGER NOT NULL, units INTEGER NOT NULL,
                    lines INTEGER NOT NULL, gross_sales TEXT NOT NULL, discounts TEXT NOT NULL, breakdown TEXT NOT NULL, skus TEXT NOT NULL,
                    PRIMARY KEY (business_date, store_id, contribution_id));
                INSERT INTO sales_contributions VALUES ('2025-01-15', 'store-0001', 'c1', 'uploads/old.json', 'USD', 7, 12, 9,
                    '8747561.663', '0.001', '{}', '[]');
                """;
            await command.ExecuteNonQueryAsync();
        }

        using var connections = new SqliteConnectionFactory(path);
        var store = new SqliteSalesStore(connections);
        Assert.Empty(await store.GetDayAsync(Day, SalesDetail.Totals, None));
        var record = RecordWithReturns("store-0001", Day);
        await store.SaveAsync(record.UploadId, [record], None);

        SalesAssert.Equal(record.Summary!, Assert.Single(await store.GetDayAsync(Day, SalesDetail.WithSkus, None)));
    }

    private async Task<List<string>> ScalarsAsync(string sql)
    {
        await using var connection = await _connections.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    public void Dispose()
    {
        _connections.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
