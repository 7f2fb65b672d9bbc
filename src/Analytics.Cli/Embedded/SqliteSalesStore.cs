using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Analytics.Domain.Sales;
using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Embedded;

/// <summary>
/// <see cref="ISalesStore"/> on the embedded SQLite database: one row per store-day record in <c>sales_records</c>,
/// keyed (business_date, store_id, revision, upload_id), totals and return totals in columns (money as exact decimal
/// text; all null when withdrawn), hours, categories and payment methods as one JSON body, SKU lines as another in
/// the last column, which Totals reads never select; and one row per committed (business_date, upload_id) in
/// <c>sales_commits</c>. Reads join the two and take, per store-day, the committed row no other committed row supersedes.
/// <para>Chain days are kept once computed: every commit bumps a version number in the same transaction, and a chain
/// read takes the kept days only at the version they were computed at (read before and after the rows: a commit in
/// between keeps nothing). A daily run's steps each read the same 56 chain days; at 10,000 stores that is 560,000
/// rows a step.</para>
/// </summary>
internal sealed class SqliteSalesStore(SqliteConnectionFactory connections) : ISalesStore
{
    private const string BumpVersion = """
        INSERT INTO sales_version (id, version) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET version = version + 1
        """;

    private const string ReadVersion = "SELECT coalesce((SELECT version FROM sales_version WHERE id = 1), 0)";

    /// <summary>Chain dates read at once.</summary>
    private const int ChainReadConcurrency = 4;

    private readonly Lock _chainGate = new();
    private readonly Dictionary<DateOnly, ChainDaySummary?> _chainDays = [];
    private long _chainVersion = -1;

    private const string Upsert = """
        INSERT INTO sales_records (business_date, store_id, revision, upload_id, source_key, withdrawn, currency,
                                   transactions, units, lines, gross_sales, discounts, breakdown, skus,
                                   return_transactions, units_returned, return_lines, returns)
        VALUES ($date, $store, $revision, $upload, $source, $withdrawn, $currency, $transactions, $units, $lines, $gross,
                $discounts, $breakdown, $skus, $rtx, $runits, $rlines, $returns)
        ON CONFLICT (business_date, store_id, revision, upload_id) DO UPDATE SET
            source_key = excluded.source_key, withdrawn = excluded.withdrawn, currency = excluded.currency,
            transactions = excluded.transactions, units = excluded.units, lines = excluded.lines,
            gross_sales = excluded.gross_sales, discounts = excluded.discounts, breakdown = excluded.breakdown,
            skus = excluded.skus, return_transactions = excluded.return_transactions,
            units_returned = excluded.units_returned, return_lines = excluded.return_lines, returns = excluded.returns
        """;

    private const string InsertCommit = """
        INSERT INTO sales_commits (business_date, upload_id) VALUES ($date, $upload) ON CONFLICT DO NOTHING
        """;

    /// <summary>Rows of the store-day below its highest committed row (none when nothing is committed: the comparison is null).</summary>
    private const string DeleteSuperseded = """
        DELETE FROM sales_records
        WHERE business_date = $date AND store_id = $store
          AND (revision, upload_id) < (SELECT h.revision, h.upload_id FROM sales_records h
                                       JOIN sales_commits c ON c.business_date = h.business_date AND c.upload_id = h.upload_id
                                       WHERE h.business_date = $date AND h.store_id = $store
                                       ORDER BY h.revision DESC, h.upload_id DESC LIMIT 1)
        """;

    /// <summary>
    /// Rows <c>r</c> that are committed, superseded by no committed row of their store-day, and not withdrawn.
    /// Upload ids compare with SQLite's default BINARY collation, which is ordinal.
    /// </summary>
    private const string LatestCommitted = """
         FROM sales_records r
         JOIN sales_commits c ON c.business_date = r.business_date AND c.upload_id = r.upload_id
         WHERE r.withdrawn = 0 AND NOT EXISTS (
             SELECT 1 FROM sales_records h
             JOIN sales_commits hc ON hc.business_date = h.business_date AND hc.upload_id = h.upload_id
             WHERE h.business_date = r.business_date AND h.store_id = r.store_id
               AND (h.revision, h.upload_id) > (r.revision, r.upload_id))
        """;

    private const string Columns = TotalsColumns + ", r.breakdown";
    private const string TotalsColumns = "r.business_date, r.store_id, r.currency, r.transactions, r.units, r.lines, r.gross_sales, r.discounts, "
                                         + "r.return_transactions, r.units_returned, r.return_lines, r.returns";
    private const string OfDate = " AND r.business_date = $date ORDER BY r.store_id";
    private const string DayTotalsOnly = "SELECT " + TotalsColumns + LatestCommitted + OfDate;
    private const string DayTotals = "SELECT " + Columns + LatestCommitted + OfDate;
    private const string DayWithSkus = "SELECT " + Columns + ", r.skus" + LatestCommitted + OfDate;
    private const string StoreHistory = "SELECT " + Columns + LatestCommitted + """
         AND r.store_id = $store AND r.business_date BETWEEN $first AND $last ORDER BY r.business_date
        """;

    /// <summary>All records in one transaction: either every row is written or none. Does not bump the version (nothing visible changes).</summary>
    public async Task StageAsync(string uploadId, IReadOnlyList<StoreDayRecord> records, CancellationToken cancellationToken)
    {
        SalesRecords.EnsureValid(uploadId, records);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        foreach (var record in records)
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$date", Date(record.BusinessDate));
            command.Parameters.AddWithValue("$store", record.StoreId);
            command.Parameters.AddWithValue("$revision", record.Revision);
            command.Parameters.AddWithValue("$upload", record.UploadId);
            command.Parameters.AddWithValue("$source", record.SourceKey);
            command.Parameters.AddWithValue("$withdrawn", record.IsWithdrawn ? 1 : 0);
            var summary = record.Summary;
            var totals = summary?.Totals;
            command.Parameters.AddWithValue("$currency", (object?)summary?.Currency ?? DBNull.Value);
            command.Parameters.AddWithValue("$transactions", (object?)totals?.Transactions ?? DBNull.Value);
            command.Parameters.AddWithValue("$units", (object?)totals?.Units ?? DBNull.Value);
            command.Parameters.AddWithValue("$lines", (object?)totals?.Lines ?? DBNull.Value);
            command.Parameters.AddWithValue("$gross", (object?)totals?.GrossSales.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$discounts", (object?)totals?.Discounts.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
            command.Parameters.AddWithValue("$breakdown",
                summary is null ? (object)DBNull.Value : Encoding.UTF8.GetString(SalesJson.SerializeBreakdown(summary)));
            command.Parameters.AddWithValue("$skus", summary is null ? (object)DBNull.Value : Encoding.UTF8.GetString(SalesJson.SerializeSkus(summary.Skus)));
            command.Parameters.AddWithValue("$rtx", (object?)totals?.ReturnTransactions ?? DBNull.Value);
            command.Parameters.AddWithValue("$runits", (object?)totals?.UnitsReturned ?? DBNull.Value);
            command.Parameters.AddWithValue("$rlines", (object?)totals?.ReturnLines ?? DBNull.Value);
            command.Parameters.AddWithValue("$returns", (object?)totals?.Returns.ToString(CultureInfo.InvariantCulture) ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>One transaction: the commit rows of every date, the superseded rows of every store-day deleted, the version bumped.</summary>
    public async Task CommitAsync(string uploadId, IReadOnlyCollection<StoreDayKey> storeDays, CancellationToken cancellationToken)
    {
        SalesRecords.EnsureValidUploadId(uploadId);
        if (storeDays.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InsertCommit;
        foreach (var date in storeDays.Select(d => d.BusinessDate).Distinct())
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$date", Date(date));
            command.Parameters.AddWithValue("$upload", uploadId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.CommandText = DeleteSuperseded;
        foreach (var day in storeDays.Distinct())
        {
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$date", Date(day.BusinessDate));
            command.Parameters.AddWithValue("$store", day.StoreId);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        command.Parameters.Clear();
        command.CommandText = BumpVersion;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoreDaySummary>> GetDayAsync(DateOnly businessDate, SalesDetail detail, CancellationToken cancellationToken)
    {
        var withSkus = detail == SalesDetail.WithSkus;
        var rows = await ReadAsync(withSkus ? DayWithSkus : detail == SalesDetail.TotalsOnly ? DayTotalsOnly : DayTotals, withSkus,
            [new("$date", Date(businessDate))], cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(
        string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(StoreHistory, withSkus: false,
            [new("$store", storeId), new("$first", Date(first)), new("$last", Date(last))], cancellationToken);
        return rows;
    }

    /// <summary>
    /// The kept chain days when they are current; the other dates are read one query per date, a few at a time, each
    /// summed as it arrives (memory holds a few days), and kept when no commit came in between.
    /// </summary>
    public async Task<IReadOnlyList<ChainDaySummary>> GetChainHistoryAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(cancellationToken);
        var days = new SortedDictionary<DateOnly, ChainDaySummary?>();
        List<DateOnly> missing = [];
        lock (_chainGate)
        {
            if (_chainVersion != version)
            {
                _chainDays.Clear();
                _chainVersion = version;
            }

            for (var date = first; date <= last; date = date.AddDays(1))
            {
                if (_chainDays.TryGetValue(date, out var kept))
                {
                    days[date] = kept;
                }
                else
                {
                    missing.Add(date);
                }
            }
        }

        if (missing.Count == 0)
        {
            return [.. days.Values.OfType<ChainDaySummary>()];
        }

        var read = new ConcurrentDictionary<DateOnly, ChainDaySummary?>();
        await Parallel.ForEachAsync(
            missing,
            new ParallelOptions { MaxDegreeOfParallelism = ChainReadConcurrency, CancellationToken = cancellationToken },
            async (date, token) => read[date] = await ReadChainDayAsync(date, token));
        foreach (var (date, day) in read)
        {
            days[date] = day;
        }

        // A commit bumps the version in its transaction: the same version after the reads means none came in between.
        var after = await ReadVersionAsync(cancellationToken);
        lock (_chainGate)
        {
            if (after == version && _chainVersion == version)
            {
                foreach (var (date, day) in read)
                {
                    _chainDays[date] = day;
                }
            }
        }

        return [.. days.Values.OfType<ChainDaySummary>()];
    }

    private async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ReadVersion;
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private async Task<ChainDaySummary?> ReadChainDayAsync(DateOnly date, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(DayTotals, withSkus: false, [new("$date", Date(date))], cancellationToken);
        return rows.Count == 0 ? null : SalesMerge.ChainDay(date, rows);
    }

    private async Task<List<StoreDaySummary>> ReadAsync(
        string sql, bool withSkus, SqliteParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<StoreDaySummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(ReadRow(reader, withSkus));
        }

        return rows;
    }

    /// <summary>One store-day from a row of <see cref="Columns"/> (plus skus when <paramref name="withSkus"/>).</summary>
    private static StoreDaySummary ReadRow(SqliteDataReader reader, bool withSkus)
    {
        var header = new StoreDaySummary
        {
            BusinessDate = DateOnly.ParseExact(reader.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            StoreId = reader.GetString(1),
            Currency = reader.GetString(2),
            Totals = new SalesTotals(
                reader.GetInt32(3), reader.GetInt64(4), reader.GetInt32(5),
                decimal.Parse(reader.GetString(6), NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(reader.GetString(7), NumberStyles.Float, CultureInfo.InvariantCulture),
                reader.GetInt32(8), reader.GetInt64(9), reader.GetInt32(10),
                decimal.Parse(reader.GetString(11), NumberStyles.Float, CultureInfo.InvariantCulture)),
            Hours = [],
            Categories = [],
            PaymentMethods = [],
            Skus = withSkus ? SalesJson.DeserializeSkus(Utf8(reader, 13)) : [],
        };
        return reader.FieldCount > 12 ? SalesJson.WithBreakdown(header, Utf8(reader, 12)) : header; // no breakdown: TotalsOnly
    }

    /// <summary>A TEXT column's UTF-8 bytes as SQLite holds them (no round trip through a UTF-16 string).</summary>
    private static byte[] Utf8(SqliteDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
