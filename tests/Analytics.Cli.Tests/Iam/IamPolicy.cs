using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Analytics.Cli.Tests.Iam;

/// <summary>
/// The inline identity policies of one function of <c>serverless.template</c>, evaluated the way IAM evaluates an
/// identity-based policy in one account: an explicit Deny wins; else a request is allowed when an Allow statement's
/// Action, Resource and Condition all match it; else it is implicitly denied. Actions match case-insensitively and
/// resources case-sensitively, with <c>*</c> (any run of characters, '/' included) and <c>?</c> (one character).
/// Intrinsics (<c>Fn::Sub</c>, <c>Fn::GetAtt</c>, <c>Ref</c>) are resolved from given values. Condition operators
/// supported: StringEquals, StringLike, ArnEquals, ArnLike; several values of a key are OR-ed, several keys and operators
/// AND-ed, and a key absent from the request context matches no value. A policy variable in a resource
/// (<c>${aws:PrincipalTag/store_id}</c>, written <c>${!…}</c> inside <c>Fn::Sub</c>) takes its value from the request
/// context; absent, the resource matches nothing, as IAM treats a variable it cannot resolve. Anything else the template
/// might hold (NotAction, NotResource, other operators, managed policies) throws rather than being guessed.
/// </summary>
public sealed partial class IamPolicy
{
    private readonly IReadOnlyList<Statement> _statements;

    private IamPolicy(IReadOnlyList<Statement> statements) => _statements = statements;

    /// <summary>The policy of the function resource <paramref name="functionId"/> of a SAM template.</summary>
    /// <param name="values">The value of each <c>${Name}</c>, <c>Ref</c> and <c>Fn::GetAtt</c> (as <c>Resource.Attribute</c>) the policies use.</param>
    public static IamPolicy OfFunction(JsonObject template, string functionId, IReadOnlyDictionary<string, string> values)
    {
        var function = template["Resources"]?[functionId] ?? throw new ArgumentException($"The template has no resource {functionId}.", nameof(functionId));
        var policies = function["Properties"]?["Policies"]?.AsArray() ?? throw new ArgumentException($"{functionId} has no Policies.", nameof(functionId));
        return Parse(policies, values);
    }

    /// <summary>The inline policies of the IAM role resource <paramref name="roleId"/> (<c>Policies[].PolicyDocument</c>).</summary>
    public static IamPolicy OfRole(JsonObject template, string roleId, IReadOnlyDictionary<string, string> values)
    {
        var role = template["Resources"]?[roleId] ?? throw new ArgumentException($"The template has no resource {roleId}.", nameof(roleId));
        var policies = role["Properties"]?["Policies"]?.AsArray() ?? throw new ArgumentException($"{roleId} has no Policies.", nameof(roleId));
        return Parse(new JsonArray([.. policies.Select(p => p!["PolicyDocument"]!.DeepClone())]), values);
    }

    /// <summary>A list of policy documents, as a SAM function's <c>Policies</c>.</summary>
    public static IamPolicy Parse(JsonArray policies, IReadOnlyDictionary<string, string> values)
    {
        List<Statement> statements = [];
        foreach (var policy in policies)
        {
            if (policy is not JsonObject document || document["Statement"] is not JsonArray list)
            {
                throw new NotSupportedException($"Only inline policy documents are evaluated, not {policy?.ToJsonString()}.");
            }

            statements.AddRange(list.Select(s => Statement.Parse(s!.AsObject(), values)));
        }

        return new IamPolicy(statements);
    }

    /// <summary>Whether a request for <paramref name="action"/> on <paramref name="resource"/> is allowed.</summary>
    /// <param name="context">The request's condition keys (e.g. <c>s3:prefix</c> of a ListObjectsV2); absent keys are not in it.</param>
    public bool IsAllowed(string action, string resource, IReadOnlyDictionary<string, string>? context = null)
    {
        context ??= new Dictionary<string, string>();
        var matching = _statements.Where(s => s.Matches(action, resource, context)).ToList();
        return !matching.Any(s => !s.Allow) && matching.Any(s => s.Allow);
    }

    private sealed record Statement(bool Allow, IReadOnlyList<Regex> Actions, IReadOnlyList<string> Resources, IReadOnlyList<Condition> Conditions)
    {
        public static Statement Parse(JsonObject statement, IReadOnlyDictionary<string, string> values)
        {
            var unknown = statement.Select(p => p.Key).Except(["Sid", "Effect", "Action", "Resource", "Condition"], StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new NotSupportedException($"Statement elements not evaluated: {string.Join(", ", unknown)}.");
            }

            var effect = (string?)statement["Effect"];
            var conditions = new List<Condition>();
            foreach (var (op, keys) in statement["Condition"]?.AsObject() ?? [])
            {
                foreach (var (key, value) in keys!.AsObject())
                {
                    conditions.Add(new Condition(op, key, [.. Strings(value!).Select(v => Resolve(v, values))]));
                }
            }

            return new Statement(
                effect switch { "Allow" => true, "Deny" => false, _ => throw new NotSupportedException($"Effect '{effect}'.") },
                [.. Strings(statement["Action"]!).Select(a => Wildcard(Resolve(a, values), ignoreCase: true))],
                [.. Strings(statement["Resource"]!).Select(r => Resolve(r, values))],
                conditions);
        }

        public bool Matches(string action, string resource, IReadOnlyDictionary<string, string> context) =>
            Actions.Any(a => a.IsMatch(action))
            && Resources.Any(r => WithPolicyVariables(r, context) is { } pattern && Wildcard(pattern, ignoreCase: false).IsMatch(resource))
            && Conditions.All(c => c.Holds(context));

        /// <summary>The resource with each policy variable replaced by its request context value; null when one is absent.
        /// (Tag values cannot hold '*' or '?', so a value never acts as a wildcard.)</summary>
        private static string? WithPolicyVariables(string resource, IReadOnlyDictionary<string, string> context)
        {
            var unresolved = false;
            var resolved = PolicyVariable().Replace(resource, m =>
            {
                var value = context.FirstOrDefault(p => string.Equals(p.Key, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)).Value;
                unresolved |= value is null;
                return value ?? "";
            });
            return unresolved ? null : resolved;
        }
    }

    private sealed record Condition(string Operator, string Key, IReadOnlyList<string> Values)
    {
        public bool Holds(IReadOnlyDictionary<string, string> context)
        {
            var value = context.FirstOrDefault(p => string.Equals(p.Key, Key, StringComparison.OrdinalIgnoreCase)).Value;
            if (value is null)
            {
                return false; // not IfExists: an absent key matches nothing
            }

            return Operator switch
            {
                "StringEquals" or "ArnEquals" => Values.Contains(value, StringComparer.Ordinal),
                "StringLike" or "ArnLike" => Values.Any(v => Wildcard(v, ignoreCase: false).IsMatch(value)),
                _ => throw new NotSupportedException($"Condition operator {Operator} is not evaluated."),
            };
        }
    }

    private static IEnumerable<JsonNode> Strings(JsonNode node) => node is JsonArray array ? array.Select(n => n!) : [node];

    /// <summary>A string, <c>{"Fn::Sub": "…${Name}…"}</c>, <c>{"Ref": Name}</c> or <c>{"Fn::GetAtt": [Resource, Attribute]}</c>.</summary>
    private static string Resolve(JsonNode node, IReadOnlyDictionary<string, string> values)
    {
        string Value(string name) => values.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"No value given for {name}.");
        return node switch
        {
            JsonValue text when text.GetValueKind() == JsonValueKind.String => (string)text!,
            JsonObject { Count: 1 } o when o["Fn::Sub"] is JsonValue sub =>
                Variable().Replace((string)sub!, m => Value(m.Groups[1].Value)).Replace("${!", "${", StringComparison.Ordinal),
            JsonObject { Count: 1 } o when o["Ref"] is JsonValue name => Value((string)name!),
            JsonObject { Count: 1 } o when o["Fn::GetAtt"] is JsonArray { Count: 2 } getAtt => Value($"{getAtt[0]}.{getAtt[1]}"),
            _ => throw new NotSupportedException($"Cannot resolve {node.ToJsonString()}."),
        };
    }

    private static Regex Wildcard(string pattern, bool ignoreCase) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.Singleline | RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None));

    [GeneratedRegex(@"\$\{([A-Za-z0-9_:.]+)\}")]
    private static partial Regex Variable();

    /// <summary>An IAM policy variable as it reads after <c>Fn::Sub</c>: <c>${aws:PrincipalTag/store_id}</c>.</summary>
    [GeneratedRegex(@"\$\{([A-Za-z0-9_:./-]+)\}")]
    private static partial Regex PolicyVariable();
}
