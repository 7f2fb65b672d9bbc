using System.Text.Json.Nodes;
using Analytics.Cli.Deployment;
using Analytics.Domain.Exports;
using Analytics.Testing;

namespace Analytics.Cli.Tests.Deployment;

/// <summary>The QuickSight resources of serverless.template: only with a principal, one data source and data set per
/// exported dataset, the data set's columns those the export writes.</summary>
public sealed class QuickSightTemplateTests
{
    private static readonly JsonObject Template =
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, SamTemplate.FileName)))!.AsObject();

    private static JsonObject Resources => Template[nameof(Resources)]!.AsObject();

    private static JsonObject Properties(string logicalId) => Resources[logicalId]!["Properties"]!.AsObject();

    [Fact]
    public void QuickSight_WithoutPrincipal_NothingIsCreated()
    {
        Assert.Equal("", (string?)Template["Parameters"]![SamTemplate.QuickSightPrincipalParameter]!["Default"]);
        Assert.Equal("""{"Fn::Not":[{"Fn::Equals":[{"Ref":"QuickSightPrincipalArn"},""]}]}""",
                     Template["Conditions"]![SamTemplate.HasQuickSight]!.ToJsonString());

        var quickSight = Resources.Where(r => ((string)r.Value!["Type"]!).StartsWith("AWS::QuickSight::", StringComparison.Ordinal)
                                              || r.Key == SamTemplate.QuickSightRole
                                              || r.Value!.ToJsonString().Contains(SamTemplate.QuickSightRole, StringComparison.Ordinal)
                                              || r.Value!.ToJsonString().Contains(SamTemplate.QuickSightPrincipalParameter, StringComparison.Ordinal)).ToList();
        Assert.Equal(1 + (2 * QuickSightDatasets.All.Count), quickSight.Count);
        Assert.All(quickSight, r => Assert.Equal(SamTemplate.HasQuickSight, (string?)r.Value!["Condition"]));
    }

    [Fact]
    public void DataSets_InputColumns_AreTheExportedColumnsWithTheirTypes()
    {
        foreach (var dataset in QuickSightDatasets.All)
        {
            var (source, set) = SamTemplate.QuickSightLogicalIds(dataset);
            var table = Properties(set)["PhysicalTableMap"]!.AsObject().Single().Value!["S3Source"]!;
            var columns = table["InputColumns"]!.AsArray().Select(c => ((string)c!["Name"]!, (string)c["Type"]!));

            Assert.Equal(QuickSightDatasets.Columns(dataset).Select(c => (c.Name, SamTemplate.QuickSightType(c.Type))), columns);
            Assert.Equal("JSON", (string?)table["UploadSettings"]!["Format"]);
            Assert.Equal(source, (string?)table["DataSourceArn"]!["Fn::GetAtt"]![0]);
            Assert.Equal(QuickSightKeys.Manifest(dataset), (string?)Properties(source)["DataSourceParameters"]!["S3Parameters"]!["ManifestFileLocation"]!["Key"]);
            Assert.Equal("SPICE", (string?)Properties(set)["ImportMode"]);
        }
    }

    [Theory]
    [InlineData(QuickSightDatasets.StoreDaily, "transactions", "INTEGER")]
    [InlineData(QuickSightDatasets.StoreDaily, "net_revenue", "DECIMAL")]
    [InlineData(QuickSightDatasets.StoreDaily, "has_anomaly", "BOOLEAN")]
    [InlineData(QuickSightDatasets.Anomalies, "z_score", "DECIMAL")]
    [InlineData(QuickSightDatasets.Recommendations, "title", "STRING")]
    public void DataSets_Column_HasTheQuickSightTypeOfItsValues(string dataset, string column, string type)
    {
        var table = Properties(SamTemplate.QuickSightLogicalIds(dataset).DataSet)["PhysicalTableMap"]!.AsObject().Single().Value!["S3Source"]!;

        Assert.Equal(type, (string?)table["InputColumns"]!.AsArray().Single(c => (string?)c!["Name"] == column)!["Type"]);
    }

    [Fact]
    public void DataSets_DateColumns_AreCastToDatesWithTheirExactFormat()
    {
        foreach (var dataset in QuickSightDatasets.All)
        {
            var transforms = Properties(SamTemplate.QuickSightLogicalIds(dataset).DataSet)["LogicalTableMap"]!.AsObject().Single().Value!["DataTransforms"]!;

            string[] dates = dataset == QuickSightDatasets.SalesForecast ? ["business_date", "forecast_date"] : ["business_date"];

            Assert.Equal("[" + string.Join(",", dates.Select(d => $$$"""{"CastColumnTypeOperation":{"ColumnName":"{{{d}}}","NewColumnType":"DATETIME","Format":"yyyy-MM-dd"}}""")) + "]",
                         transforms.ToJsonString());
        }
    }

    [Fact]
    public void QuickSight_NamesCarryTheStackAndThePrincipalOwnsEverything()
    {
        foreach (var dataset in QuickSightDatasets.All)
        {
            var (source, set) = SamTemplate.QuickSightLogicalIds(dataset);
            foreach (var (id, key) in new[] { (source, "DataSourceId"), (source, "Name"), (set, "DataSetId"), (set, "Name") })
            {
                Assert.StartsWith("${AWS::StackName}", (string?)Properties(id)[key]!["Fn::Sub"], StringComparison.Ordinal);
            }

            Assert.Equal(SamTemplate.QuickSightPrincipalParameter, (string?)Assert.Single(Properties(source)["Permissions"]!.AsArray())!["Principal"]!["Ref"]);
            Assert.Equal(SamTemplate.QuickSightPrincipalParameter, (string?)Assert.Single(Properties(set)["Permissions"]!.AsArray())!["Principal"]!["Ref"]);
        }
    }

    [Fact]
    public void QuickSightRole_IsForQuickSightAndReadsOnlyTheExports()
    {
        var role = Properties(SamTemplate.QuickSightRole);

        Assert.Equal("quicksight.amazonaws.com", (string?)role["AssumeRolePolicyDocument"]!["Statement"]![0]!["Principal"]!["Service"]);
        var statements = role["Policies"]!.AsArray().SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray()).Select(s => s!.ToJsonString()).ToList();
        Assert.Equal(2, statements.Count);
        Assert.Contains("""["s3:GetObject"],"Resource":[{"Fn::Sub":"arn:${AWS::Partition}:s3:::${DataBucket}/exports/quicksight/*"}]""", statements[0], StringComparison.Ordinal);
        Assert.Contains("""["s3:ListBucket"]""", statements[1], StringComparison.Ordinal);
    }
}
