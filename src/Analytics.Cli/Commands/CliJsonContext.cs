using System.Text.Json.Serialization;
using Analytics.Domain.Sales;

namespace Analytics.Cli.Commands;

/// <summary>JSON the command line prints (camelCase, indented for people).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<StoreDaySummary>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
