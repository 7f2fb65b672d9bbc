using System.Text.Json.Serialization;
using Analytics.Domain.Analysis;
using Analytics.Domain.Exports;
using Analytics.Domain.Sales;
using Analytics.Functions.DailyAnalysis;
using Analytics.Functions.UploadProcessing;

namespace Analytics.Functions.Hosting;

/// <summary>
/// The JSON of every step's input and output (camelCase), source-generated. The Lambda entry points and the local
/// runner both use it. Missing non-nullable members and required constructor parameters are errors, so a
/// malformed state input fails with <see cref="InvalidStepInputException"/> rather than a null reference later.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProcessUploadInput))]
[JsonSerializable(typeof(ProcessUploadOutput))]
[JsonSerializable(typeof(RejectionReport))]
[JsonSerializable(typeof(StoreDayContribution))]
[JsonSerializable(typeof(PendingUpload))]
[JsonSerializable(typeof(IncompleteUploadInput))]
[JsonSerializable(typeof(IncompleteUploadReport))]
[JsonSerializable(typeof(CheckUploadsInput))]
[JsonSerializable(typeof(UploadCheck))]
[JsonSerializable(typeof(GetStoreSummariesInput))]
[JsonSerializable(typeof(AnalysisRun))]
[JsonSerializable(typeof(RunInput))]
[JsonSerializable(typeof(AnalysisPart))]
[JsonSerializable(typeof(PartsInput))]
[JsonSerializable(typeof(CombinedInsights))]
[JsonSerializable(typeof(InsightsInput))]
[JsonSerializable(typeof(ReportOutput))]
[JsonSerializable(typeof(QuickSightExport))]
public sealed partial class StepJsonContext : JsonSerializerContext;
