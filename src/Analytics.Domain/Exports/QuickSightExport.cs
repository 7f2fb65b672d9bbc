namespace Analytics.Domain.Exports;

/// <summary>What ExportToQuickSight wrote: one entry per dataset, in <see cref="QuickSightDatasets.All"/> order. Its
/// size does not depend on the chain's size (it goes into the Step Functions state).</summary>
public sealed record QuickSightExport(DateOnly Date, IReadOnlyList<ExportedDataset> Datasets);

/// <summary>
/// One dataset's partition of the date: <see cref="Parts"/> NDJSON objects (<c>part-00000.ndjson</c>, …) under
/// <see cref="PartitionPrefix"/>, holding <see cref="Rows"/> rows in <see cref="Bytes"/> bytes, and the dataset's
/// QuickSight manifest. A dataset without rows that day has no parts.
/// </summary>
public sealed record ExportedDataset(string Name, string PartitionPrefix, int Parts, int Rows, long Bytes, string ManifestKey);
