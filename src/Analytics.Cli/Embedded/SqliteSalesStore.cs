using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Analytics.Domain.Sales;
using Microsoft.Data.Sqlite;

namespace Analytics.Cli.Embedded;

/// <summary>
/// <see cref="ISalesStore"/> on the embedded SQLite database: one row per contribution keyed
/// (business_date, store_id, contribution_id), totals and return totals in columns (money as exact decimal text), hours, categories
/// and payment methods as one JSON body, SKU lines as another in the last column, which Totals reads never select.
/// <para>Chain days are kept once computed: every save bumps a version number in the same transaction, and a chain
/// read takes the kept days only at the version they were computed at (read before and after the rows: a save in
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
        INSERT INTO sales_contributions (business_date, store_id, contribution_id, source_key, currency,
                                         transactions, units, lines, gross_sales, discounts, breakdown, skus,
                                         return_transactions, units_returned, return_lines, returns)
        VALUES ($date, $store, $cid, $source, $currency, $transactions, $units, $lines, $gross, $discounts, $breakdown, $skus,
                $rtx, $runits, $rlines, $returns)
        ON CONFLICT (business_date, store_id, contribution_id) DO UPDATE SET
            source_key = excluded.source_key, currency = excluded.currency, transactions = excluded.transactions,
            units = excluded.units, lines = excluded.lines, gross_sales = excluded.gross_sales,
            discounts = excluded.discounts, breakdown = excluded.breakdown, skus = excluded.skus,
            return_transactions = excluded.return_transactions, units_returned = excluded.units_returned,
            return_lines = excluded.return_lines, returns = excluded.returns
        """;

    private const string Columns = TotalsColumns + ", breakdown";
    private const string TotalsColumns = "business_date, store_id, currency, transactions, units, lines, gross_sales, discounts, "
                                         + "return_transactions, units_returned, return_lines, returns";
    private const string DayTotalsOnly = "SELECT " + TotalsColumns + " FROM sales_contributions WHERE business_date = $date ORDER BY store_id";
    private const string DayTotals = "SELECT " + Columns + " FROM sales_contributions WHERE business_date = $date ORDER BY store_id";
    private const string DayWithSkus = "SELECT " + Columns + ", skus FROM sales_contributions WHERE business_date = $date ORDER BY store_id";
    private const string StoreHistory = "SELECT " + Columns + """
         FROM sales_contributions WHERE store_id = $store AND business_date BETWEEN $first AND $last ORDER BY business_date
        """;

    /// <summary>All contributions in one transaction: either every row is written or none.</summary>
    public async Task SaveAsync(IReadOnlyList<StoreDayContribution> contributions, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = Upsert;
        foreach (var contribution in contributions)
        {
            var summary = contribution.Summary;
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$date", Date(summary.BusinessDate));
            command.Parameters.AddWithValue("$store", summary.StoreId);
            command.Parameters.AddWithValue("$cid", contribution.ContributionId);
            command.Parameters.AddWithValue("$source", contribution.SourceKey);
            command.Parameters.AddWithValue("$currency", summary.Currency);
            command.Parameters.AddWithValue("$transactions", summary.Totals.Transactions);
            command.Parameters.AddWithValue("$units", summary.Totals.Units);
            command.Parameters.AddWithValue("$lines", summary.Totals.Lines);
            command.Parameters.AddWithValue("$gross", summary.Totals.GrossSales.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$discounts", summary.Totals.Discounts.ToString(CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$breakdown", Encoding.UTF8.GetString(SalesJson.SerializeBreakdown(summary)));
            command.Parameters.AddWithValue("$skus", Encoding.UTF8.GetString(SalesJson.SerializeSkus(summary.Skus)));
            command.Parameters.AddWithValue("$rtx", summary.Totals.ReturnTransactions);
            command.Parameters.AddWithValue("$runits", summary.Totals.UnitsReturned);
            command.Parameters.AddWithValue("$rlines", summary.Totals.ReturnLines);
            command.Parameters.AddWithValue("$returns", summary.Totals.Returns.ToString(CultureInfo.InvariantCulture));
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
        return [.. MergeByStore(rows)];
    }

    public async Task<IReadOnlyList<StoreDaySummary>> GetStoreHistoryAsync(
        string storeId, DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(StoreHistory, withSkus: false,
            [new("$store", storeId), new("$first", Date(first)), new("$last", Date(last))], cancellationToken);
        return [.. rows.GroupBy(r => r.BusinessDate).Select(g => SalesMerge.StoreDay([.. g]))];
    }

    /// <summary>
    /// The kept chain days when they are current; the other dates are read one query per date, a few at a time, each
    /// merged as it arrives (memory holds a few days), and kept when no save came in between.
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

        // A save bumps the version in its transaction: the same version after the reads means none came in between.
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
        return rows.Count == 0 ? null : SalesMerge.ChainDay(date, [.. MergeByStore(rows)]);
    }

    private static IEnumerable<StoreDaySummary> MergeByStore(IEnumerable<StoreDaySummary> contributions) =>
        contributions.GroupBy(r => r.StoreId, StringComparer.Ordinal)
            .Select(g => SalesMerge.StoreDay([.. g]))
            .OrderBy(s => s.StoreId, StringComparer.Ordinal);

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

    /// <summary>One contribution from a row of <see cref="Columns"/> (plus skus when <paramref name="withSkus"/>).</summary>
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
