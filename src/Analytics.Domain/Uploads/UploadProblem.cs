namespace Analytics.Domain.Uploads;

/// <summary>
/// One thing wrong with an upload file, and where. <see cref="Line"/> and <see cref="Column"/> are 1-based and
/// point at the offending token when the reader knows it. <see cref="StoreId"/>, <see cref="BusinessDate"/> and
/// <see cref="TransactionId"/> are as written in the file (null when not yet read or not applicable).
/// </summary>
/// <param name="Code">Stable, machine-readable code such as <c>negative_price</c> (see docs/upload-format.md).</param>
/// <param name="Message">What is wrong and why, for a person.</param>
/// <param name="JsonPath">Where, as a JSONPath such as <c>$[2].transactions[14].items[0].unit_price</c>.</param>
public sealed record UploadProblem(
    string Code,
    string Message,
    string JsonPath,
    long? Line = null,
    long? Column = null,
    string? StoreId = null,
    string? BusinessDate = null,
    string? TransactionId = null);
