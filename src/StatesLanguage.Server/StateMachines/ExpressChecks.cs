using System.Text.Json;

namespace StatesLanguage.Server.StateMachines;

/// <summary>What an EXPRESS state machine may not use, in AWS's words: a <c>.sync</c> or <c>.waitForTaskToken</c>
/// service integration, or an activity.</summary>
internal static class ExpressChecks
{
    /// <summary>The problems of a definition (already valid for the engine), each <c>SCHEMA_VALIDATION_FAILED: ... at
    /// /States/Name/Resource</c>.</summary>
    public static List<string> Problems(string definition)
    {
        var problems = new List<string>();
        if (JsonNode.Parse(definition) is JsonObject root)
            Check(root, "", problems);
        return problems;
    }

    private static void Check(JsonObject graph, string pointer, List<string> problems)
    {
        if (graph["States"] is not JsonObject states)
            return;
        foreach (var (name, node) in states)
        {
            if (node is not JsonObject state)
                continue;
            var statePointer = $"{pointer}/States/{name}";
            if (state["Resource"] is JsonValue resourceNode && resourceNode.GetValueKind() == JsonValueKind.String)
            {
                var resource = resourceNode.GetValue<string>();
                var at = $"{statePointer}/Resource";
                if (resource.EndsWith(".sync", StringComparison.Ordinal) || resource.Contains(".sync:", StringComparison.Ordinal))
                    problems.Add($"SCHEMA_VALIDATION_FAILED: Express state machine does not support '.sync' service integration at {at}");
                else if (resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal))
                    problems.Add($"SCHEMA_VALIDATION_FAILED: Express state machine does not support '.waitForTaskToken' service integration  at {at}");
                else if (resource.StartsWith("arn:aws:states:", StringComparison.Ordinal) && resource.Contains(":activity:", StringComparison.Ordinal))
                    problems.Add($"SCHEMA_VALIDATION_FAILED: Express state machine does not support Activity ARN at {at}");
            }
            if (state["Branches"] is JsonArray branches)
            {
                for (var i = 0; i < branches.Count; i++)
                {
                    if (branches[i] is JsonObject branch)
                        Check(branch, $"{statePointer}/Branches/{i}", problems);
                }
            }
            if ((state["ItemProcessor"] ?? state["Iterator"]) is JsonObject processor)
                Check(processor, $"{statePointer}/{(state["ItemProcessor"] is null ? "Iterator" : "ItemProcessor")}", problems);
        }
    }
}
