using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Embedded;

/// <summary>
/// Opens connections to the embedded database file, creating the folder, the schema and WAL mode on the first
/// open (once per factory). Connections are pooled; a busy database is waited on for up to 30 s. A database made
/// before returns existed gets their columns (zero for its rows) on that first open.
/// </summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sales_contributions (
            business_date   TEXT    NOT NULL,
            store_id        TEXT    NOT NULL,
            contribution_id TEXT    NOT NULL,
            source_key      TEXT    NOT NULL,
            currency        TEXT    NOT NULL,
            transactions    INTEGER NOT NULL,
            units           INTEGER NOT NULL,
            lines           INTEGER NOT NULL,
            gross_sales     TEXT    NOT NULL,
            discounts       TEXT    NOT NULL,
            breakdown       TEXT    NOT NULL,
            skus            TEXT    NOT NULL,
            return_transactions INTEGER NOT NULL DEFAULT 0,
            units_returned  INTEGER NOT NULL DEFAULT 0,
            return_lines    INTEGER NOT NULL DEFAULT 0,
            returns         TEXT    NOT NULL DEFAULT '0',
            PRIMARY KEY (business_date, store_id, contribution_id)
        );
        CREATE INDEX IF NOT EXISTS ix_sales_contributions_store_date
            ON sales_contributions (store_id, business_date);
        CREATE TABLE IF NOT EXISTS sales_version (
            id      INTEGER PRIMARY KEY CHECK (id = 1),
            version INTEGER NOT NULL
        );
        """;

    private readonly string _connectionString;
    private readonly SemaphoreSlim _schemaLock = new(1, 1);
    private volatile bool _schemaReady;

    public SqliteConnectionFactory(string databasePath)
    {
        var fullPath = Path.GetFullPath(databasePath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
        DatabasePath = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public string DatabasePath { get; }

    /// <summary>An open connection; the caller disposes it.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _schemaLock.Dispose();

    /// <summary>The return columns, for a table created before they existed (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    private static async Task AddReturnColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM pragma_table_info('sales_contributions') WHERE name = 'returns'";
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! > 0)
        {
            return;
        }

        command.CommandText = """
            ALTER TABLE sales_contributions ADD COLUMN return_transactions INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sales_contributions ADD COLUMN units_returned INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sales_contributions ADD COLUMN return_lines INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE sales_contributions ADD COLUMN returns TEXT NOT NULL DEFAULT '0';
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task EnsureSchemaAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Schema;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await AddReturnColumnsAsync(connection, cancellationToken);
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
