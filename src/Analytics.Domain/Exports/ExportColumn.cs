namespace Analytics.Domain.Exports;

/// <summary>One column of an exported dataset: its name in every row and the type of its values.</summary>
public sealed record ExportColumn(string Name, ExportColumnType Type);
