using System.Text.Json.Nodes;
using Analytics.Domain.Exports;
using Analytics.Functions.DailyAnalysis;

namespace Analytics.Cli.Deployment;

/// <summary>
/// The QuickSight side of the exports, created only when <see cref="QuickSightPrincipalParameter"/> is set: per
/// dataset of <see cref="QuickSightDatasets.All"/>, an S3 data source over its manifest and a SPICE data set whose
/// input columns are the dataset's declared columns (<see cref="QuickSightDatasets.Columns"/>), both owned by that
/// principal, and one role QuickSight assumes to read the exports (the data sources' <c>RoleArn</c>, so the
/// account-wide QuickSight service role needs no change).
/// </summary>
internal static partial class SamTemplate
{
    /// <summary>The QuickSight user or group ARN that owns the data sources and data sets; empty: no QuickSight resources.</summary>
    public const string QuickSightPrincipalParameter = "QuickSightPrincipalArn";

    /// <summary>The condition every QuickSight resource carries.</summary>
    public const string HasQuickSight = "HasQuickSightPrincipal";

    public const string QuickSightRole = "QuickSightExportsRole";

    /// <summary>What the principal may do with a data source: use it, and manage it and its permissions (the API
    /// reference's data source actions).</summary>
    internal static readonly string[] DataSourceActions =
    [
        "quicksight:DescribeDataSource", "quicksight:DescribeDataSourcePermissions", "quicksight:PassDataSource",
        "quicksight:UpdateDataSource", "quicksight:DeleteDataSource", "quicksight:UpdateDataSourcePermissions",
    ];

    /// <summary>What the principal may do with a data set: use it, refresh it, and manage it and its permissions.</summary>
    internal static readonly string[] DataSetActions =
    [
        "quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet",
        "quicksight:DescribeIngestion", "quicksight:ListIngestions", "quicksight:CreateIngestion", "quicksight:CancelIngestion",
        "quicksight:UpdateDataSet", "quicksight:DeleteDataSet", "quicksight:UpdateDataSetPermissions",
    ];

    /// <summary>The physical and logical table id inside each data set (ids allow letters, digits and '-').</summary>
    internal const string TableId = "exports";

    /// <summary>The logical ids of a dataset's data source and data set: <c>store_daily</c> → <c>StoreDailyDataSource</c>.</summary>
    public static (string DataSource, string DataSet) QuickSightLogicalIds(string dataset)
    {
        var pascal = string.Concat(dataset.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
        return (pascal + "DataSource", pascal + "DataSet");
    }

    /// <summary>The QuickSight input column type of an exported column. Dates are read as text and cast by the
    /// logical table with their exact format, rather than left to QuickSight's date detection.</summary>
    public static string QuickSightType(ExportColumnType type) => type switch
    {
        ExportColumnType.Text or ExportColumnType.Date => "STRING",
        ExportColumnType.WholeNumber => "INTEGER",
        ExportColumnType.FractionalNumber => "DECIMAL",
        ExportColumnType.Boolean => "BOOLEAN",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static void AddQuickSight(JsonObject resources)
    {
        resources[QuickSightRole] = QuickSightRoleResource();
        foreach (var dataset in QuickSightDatasets.All)
        {
            var (source, set) = QuickSightLogicalIds(dataset);
            resources[source] = Conditional(HasQuickSight, "AWS::QuickSight::DataSource", new JsonObject
            {
                ["AwsAccountId"] = Ref("AWS::AccountId"),
                ["DataSourceId"] = Sub($"${{AWS::StackName}}-{dataset}"),
                ["Name"] = Sub($"${{AWS::StackName}} {dataset}"),
                ["Type"] = "S3",
                ["DataSourceParameters"] = new JsonObject
                {
                    ["S3Parameters"] = new JsonObject
                    {
                        ["ManifestFileLocation"] = new JsonObject { ["Bucket"] = Ref(Bucket), ["Key"] = QuickSightKeys.Manifest(dataset) },
                        ["RoleArn"] = GetAtt(QuickSightRole, "Arn"),
                    },
                },
                ["Permissions"] = Owner(DataSourceActions),
            });
            resources[set] = Conditional(HasQuickSight, "AWS::QuickSight::DataSet", new JsonObject
            {
                ["AwsAccountId"] = Ref("AWS::AccountId"),
                ["DataSetId"] = Sub($"${{AWS::StackName}}-{dataset}"),
                ["Name"] = Sub($"${{AWS::StackName}} {dataset}"),
                ["ImportMode"] = "SPICE",
                ["PhysicalTableMap"] = new JsonObject
                {
                    [TableId] = new JsonObject
                    {
                        ["S3Source"] = new JsonObject
                        {
                            ["DataSourceArn"] = GetAtt(source, "Arn"),
                            ["InputColumns"] = new JsonArray([.. QuickSightDatasets.Columns(dataset).Select(c => (JsonNode)new JsonObject
                            {
                                ["Name"] = c.Name, ["Type"] = QuickSightType(c.Type),
                            })]),
                            ["UploadSettings"] = new JsonObject { ["Format"] = "JSON" },
                        },
                    },
                },
                ["LogicalTableMap"] = new JsonObject
                {
                    [TableId] = new JsonObject
                    {
                        ["Alias"] = dataset,
                        ["Source"] = new JsonObject { ["PhysicalTableId"] = TableId },
                        ["DataTransforms"] = new JsonArray([.. QuickSightDatasets.Columns(dataset).Where(c => c.Type == ExportColumnType.Date)
                            .Select(c => (JsonNode)new JsonObject
                            {
                                ["CastColumnTypeOperation"] = new JsonObject { ["ColumnName"] = c.Name, ["NewColumnType"] = "DATETIME", ["Format"] = "yyyy-MM-dd" },
                            })]),
                    },
                },
                ["Permissions"] = Owner(DataSetActions),
            });
        }
    }

    /// <summary>The role the data sources read S3 with: assumable by QuickSight only, reading only the exports.</summary>
    private static JsonObject QuickSightRoleResource()
    {
        return Conditional(HasQuickSight, "AWS::IAM::Role", new JsonObject
        {
            ["Description"] = "Lets the stack's QuickSight data sources read the daily exports.",
            ["AssumeRolePolicyDocument"] = new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject
                {
                    ["Effect"] = "Allow",
                    ["Principal"] = new JsonObject { ["Service"] = "quicksight.amazonaws.com" },
                    ["Action"] = "sts:AssumeRole",
                }),
            },
            ["Policies"] = new JsonArray(new JsonObject
            {
                ["PolicyName"] = "read-quicksight-exports",
                ["PolicyDocument"] = new JsonObject
                {
                    ["Version"] = "2012-10-17",
                    ["Statement"] = new JsonArray(
                        Statement(new JsonArray("s3:GetObject"), new JsonArray(Sub($"arn:${{AWS::Partition}}:s3:::${{{Bucket}}}/{AnalysisKeys.ExportsPrefix}*"))),
                        Statement(new JsonArray("s3:ListBucket"), new JsonArray(Sub($"arn:${{AWS::Partition}}:s3:::${{{Bucket}}}")))),
                },
            }),
        });
    }

    private static JsonArray Owner(string[] actions) => new(new JsonObject
    {
        ["Principal"] = Ref(QuickSightPrincipalParameter),
        ["Actions"] = new JsonArray([.. actions.Select(a => (JsonNode)a)]),
    });

    private static JsonObject Conditional(string condition, string type, JsonObject properties) => new()
    {
        ["Type"] = type,
        ["Condition"] = condition,
        ["Properties"] = properties,
    };
}
