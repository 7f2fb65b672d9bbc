using System.Text.Json;

namespace Analytics.Domain.Exports;

/// <summary>
/// A dataset's columns, declared once: each with its name, its type and how a row's value is read. The same
/// declaration writes the rows (<see cref="WriteAsync"/>) and describes them (<see cref="Columns"/>, for the
/// QuickSight data sets of the deployment), so the two cannot drift. Every row writes every column, in declaration
/// order, after <see cref="NdjsonPartitionWriter.BusinessDate"/>.
/// </summary>
/// <typeparam name="TRow">What one row is made from.</typeparam>
internal sealed class ExportTable<TRow>
{
    private readonly List<ExportColumn> _columns = [NdjsonPartitionWriter.BusinessDate];
    private readonly List<Action<Utf8JsonWriter, TRow>> _writers = [];

    /// <summary>Every column of a row, <c>business_date</c> first.</summary>
    public IReadOnlyList<ExportColumn> Columns => _columns;

    public ExportTable<TRow> Text(string name, Func<TRow, string?> value) =>
        Add(name, ExportColumnType.Text, (json, row) => json.WriteString(name, value(row)));

    public ExportTable<TRow> Integer(string name, Func<TRow, long?> value) =>
        Add(name, ExportColumnType.WholeNumber, (json, row) => json.WriteIntegerOrNull(name, value(row)));

    public ExportTable<TRow> Decimal(string name, Func<TRow, decimal?> value) =>
        Add(name, ExportColumnType.FractionalNumber, (json, row) => json.WriteDecimalOrNull(name, value(row)));

    /// <summary>A decimal column computed as a double (a z-score): not finite is written as null.</summary>
    public ExportTable<TRow> Double(string name, Func<TRow, double?> value) =>
        Add(name, ExportColumnType.FractionalNumber, (json, row) => json.WriteDoubleOrNull(name, value(row)));

    /// <summary>A business date, written <c>yyyy-MM-dd</c>.</summary>
    public ExportTable<TRow> Date(string name, Func<TRow, DateOnly?> value) =>
        Add(name, ExportColumnType.Date, (json, row) =>
        {
            if (value(row) is { } date)
            {
                json.WriteString(name, IsoDate.Format(date));
            }
            else
            {
                json.WriteNull(name);
            }
        });

    public ExportTable<TRow> Boolean(string name, Func<TRow, bool?> value) =>
        Add(name, ExportColumnType.Boolean, (json, row) => json.WriteBooleanOrNull(name, value(row)));

    /// <summary>Writes one row: <c>business_date</c>, then every declared column.</summary>
    public async ValueTask WriteAsync(NdjsonPartitionWriter rows, TRow row, CancellationToken cancellationToken)
    {
        var json = rows.StartRow();
        foreach (var write in _writers)
        {
            write(json, row);
        }

        await rows.EndRowAsync(cancellationToken);
    }

    private ExportTable<TRow> Add(string name, ExportColumnType type, Action<Utf8JsonWriter, TRow> write)
    {
        if (_columns.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"Column {name} is declared twice.");
        }

        _columns.Add(new ExportColumn(name, type));
        _writers.Add(write);
        return this;
    }
}
