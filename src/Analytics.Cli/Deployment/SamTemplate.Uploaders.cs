using System.Text.Json.Nodes;
using Analytics.Domain.Uploads;

namespace Analytics.Cli.Deployment;

/// <summary>
/// Who may write uploads: two roles, attribute-based. A store's session carries its store id as the session tag
/// <see cref="StoreIdTag"/>, and the store-uploader role may put objects under <c>uploads/&lt;that id&gt;/</c> only
/// (the policy variable <c>${aws:PrincipalTag/store_id}</c> in the resource; a session without the tag matches nothing).
/// The head-office-uploader role may put objects anywhere under <c>uploads/</c>. ProcessUpload then rejects a file in a
/// store's folder holding another store's sales (<see cref="UploadKeys.OwningStore"/>), so a store cannot write another's.
/// </summary>
internal static partial class SamTemplate
{
    public const string StoreUploaderRole = "StoreUploaderRole";
    public const string HeadOfficeUploaderRole = "HeadOfficeUploaderRole";

    /// <summary>The session tag whose value is the store id a store-uploader session may write for.</summary>
    public const string StoreIdTag = "store_id";

    public const string StoreUploaderPrincipalsParameter = "StoreUploaderPrincipalArns";
    public const string HeadOfficeUploaderPrincipalsParameter = "HeadOfficeUploaderPrincipalArns";

    private static IEnumerable<(string Id, JsonObject Resource)> UploaderResources()
    {
        // Fn::Sub writes ${!x} as the literal ${x}: the IAM policy variable, resolved per request.
        yield return (StoreUploaderRole, UploaderRole(
            "Lets a store put its upload files under uploads/<store_id>/, store_id being the session tag it was assumed with.",
            StoreUploaderPrincipalsParameter, StoreTrust(), "put-own-store-uploads",
            $"{UploadKeys.UploadsPrefix}${{!aws:PrincipalTag/{StoreIdTag}}}/*"));
        yield return (HeadOfficeUploaderRole, UploaderRole(
            "Lets head office put upload files anywhere under uploads/, for any store.",
            HeadOfficeUploaderPrincipalsParameter, null, "put-uploads", $"{UploadKeys.UploadsPrefix}*"));
    }

    private static JsonObject UploaderParameter(string who) => new()
    {
        ["Type"] = "CommaDelimitedList",
        ["Description"] = $"ARNs of the IAM principals (accounts, roles, users) that may assume the {who} role. Empty: this account, "
                          + "whose IAM policies then decide who may.",
        ["Default"] = "",
    };

    /// <summary>Whether a principals parameter is set (a CommaDelimitedList joins to "" when it is empty).</summary>
    private static JsonObject HasPrincipals(string parameter) =>
        new() { ["Fn::Not"] = new JsonArray(new JsonObject { ["Fn::Equals"] = new JsonArray(new JsonObject { ["Fn::Join"] = new JsonArray("", Ref(parameter)) }, "") }) };

    private static string HasPrincipalsCondition(string parameter) => "Has" + parameter;

    /// <summary>
    /// The store-uploader's trust condition: the caller must tag the session with a non-empty <see cref="StoreIdTag"/>
    /// without '/' (which would reach into a deeper folder of another store's), and with no other tag.
    /// </summary>
    private static JsonObject StoreTrust() => new()
    {
        ["StringLike"] = new JsonObject { [$"aws:RequestTag/{StoreIdTag}"] = "?*" },
        ["StringNotLike"] = new JsonObject { [$"aws:RequestTag/{StoreIdTag}"] = "*/*" },
        ["ForAllValues:StringEquals"] = new JsonObject { ["aws:TagKeys"] = new JsonArray(StoreIdTag) },
    };

    private static JsonObject UploaderRole(string description, string principalsParameter, JsonObject? tagCondition, string policyName, string keys)
    {
        var trust = new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject
            {
                ["AWS"] = new JsonObject
                {
                    ["Fn::If"] = new JsonArray(HasPrincipalsCondition(principalsParameter), Ref(principalsParameter),
                                               Sub("arn:${AWS::Partition}:iam::${AWS::AccountId}:root")),
                },
            },
            // sts:TagSession: a caller passing session tags needs it, and it is what the store role's condition is about.
            ["Action"] = tagCondition is null ? "sts:AssumeRole" : new JsonArray("sts:AssumeRole", "sts:TagSession"),
        };
        if (tagCondition is not null)
        {
            trust["Condition"] = tagCondition;
        }

        return new JsonObject
        {
            ["Type"] = "AWS::IAM::Role",
            ["Properties"] = new JsonObject
            {
                ["Description"] = description,
                ["AssumeRolePolicyDocument"] = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(trust) },
                ["Policies"] = new JsonArray(new JsonObject
                {
                    ["PolicyName"] = policyName,
                    ["PolicyDocument"] = new JsonObject
                    {
                        ["Version"] = "2012-10-17",
                        ["Statement"] = new JsonArray(Statement(new JsonArray("s3:PutObject"),
                                                                new JsonArray(Sub($"arn:${{AWS::Partition}}:s3:::${{{Bucket}}}/{keys}")))),
                    },
                }),
            },
        };
    }
}
