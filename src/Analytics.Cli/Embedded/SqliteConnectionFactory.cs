using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Embedded;

/// <summary>
/// Opens connections to the embedded database file, creating the folder, the schema and WAL mode on the first
/// open (once per factory). Connections are pooled; a busy database is waited on for up to 30 s. A database made
/// before store-day records (with <c>sales_contributions</c>) opens, but that table is no longer read: such a data
/// folder must be ingested again.
/// </summary>
internal sealed class SqliteConnectionFactory : IDisposable
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS sales_records (
            business_date   TEXT    NOT NULL,
            store_id        TEXT    NOT NULL,
            revision        INTEGER NOT NULL,
            upload_id       TEXT    NOT NULL,
            source_key      TEXT    NOT NULL,
            withdrawn       INTEGER NOT NULL,
            currency        TEXT,
            transactions    INTEGER,
            units           INTEGER,
            lines           INTEGER,
            gross_sales     TEXT,
            discounts       TEXT,
            return_transactions INTEGER,
            units_returned  INTEGER,
            return_lines    INTEGER,
            returns         TEXT,
            breakdown       TEXT,
            skus            TEXT,
            PRIMARY KEY (business_date, store_id, revision, upload_id)
        );
        CREATE INDEX IF NOT EXISTS ix_sales_records_store_date
            ON sales_records (store_id, business_date);
        CREATE TABLE IF NOT EXISTS sales_commits (
            business_date TEXT NOT NULL,
            upload_id     TEXT NOT NULL,
            PRIMARY KEY (business_date, upload_id)
        );
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
            _schemaReady = true;
        }
        finally
        {
            _schemaLock.Release();
        }
    }
}
