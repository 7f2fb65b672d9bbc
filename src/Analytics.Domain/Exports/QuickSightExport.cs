namespace Analytics.Domain.Exports;

/// <summary>What ExportToQuickSight wrote: one entry per dataset.</summary>
public sealed record QuickSightExport(DateOnly Date, IReadOnlyList<ExportedDataset> Datasets);

/// <summary>A dataset's partition of the date (<see cref="Key"/>, NDJSON), its row count and its QuickSight manifest.</summary>
public sealed record ExportedDataset(string Name, string Key, int Rows, string ManifestKey);
