using StatesLanguage.Errors;

namespace StatesLanguage.Server.Tests.Console.Support;

/// <summary>Answers daily-analysis's tasks with what its Choice states read: uploads incomplete on the first check,
/// three stores, insights without AI errors, a report. A state listed as failing throws that error on every attempt.</summary>
internal sealed class DailyAnalysisTasks((string State, string Error)[] failing) : ITaskInvoker
{
    private int _uploadChecks;

    public Task<System.Text.Json.Nodes.JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken)
    {
        foreach (var (state, error) in failing)
        {
            if (state == invocation.StateName)
            {
                throw new TaskFailedException(error, $"{state} failed: <b>\"{error}\"</b> & more");
            }
        }

        System.Text.Json.Nodes.JsonNode? result = invocation.StateName switch
        {
            "CheckUploads" => new System.Text.Json.Nodes.JsonObject { ["complete"] = Interlocked.Increment(ref _uploadChecks) > 1, ["cutoffPassed"] = false },
            "GetStoreSummaries" => new System.Text.Json.Nodes.JsonObject { ["date"] = "2026-12-01", ["storeCount"] = 3, ["prefix"] = "analysis/2026-12-01/" },
            "CombineInsights" => new System.Text.Json.Nodes.JsonObject { ["hasErrors"] = false },
            "GenerateReport" => new System.Text.Json.Nodes.JsonObject { ["subject"] = "Daily sales 2026-12-01", ["body"] = "All well." },
            _ when invocation.Resource.Contains(":sns:", StringComparison.Ordinal) => new System.Text.Json.Nodes.JsonObject { ["MessageId"] = "m-1" },
            _ => new System.Text.Json.Nodes.JsonObject { ["step"] = invocation.StateName },
        };
        return Task.FromResult<System.Text.Json.Nodes.JsonNode?>(result);
    }
}
