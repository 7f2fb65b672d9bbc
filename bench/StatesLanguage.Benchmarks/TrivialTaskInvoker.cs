using System.Text.Json.Nodes;

namespace StatesLanguage.Benchmarks;

/// <summary>
/// Answers every Task at once, in process, with a fresh small object that keeps the daily-analysis shape on its happy
/// path (stores found, no model errors, a report to send). The npm peer's handlers return the same object.
/// </summary>
internal sealed class TrivialTaskInvoker : ITaskInvoker
{
    public Task<JsonNode?> InvokeAsync(TaskInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult<JsonNode?>(new JsonObject
        {
            ["storeCount"] = 3,
            ["date"] = "2025-01-15",
            ["hasErrors"] = false,
            ["subject"] = "Daily report",
            ["body"] = "ok",
            ["MessageId"] = "m-1",
        });
}
