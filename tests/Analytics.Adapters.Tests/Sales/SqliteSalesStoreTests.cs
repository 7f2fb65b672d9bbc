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

    public void Dispose()
    {
        _connections.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
