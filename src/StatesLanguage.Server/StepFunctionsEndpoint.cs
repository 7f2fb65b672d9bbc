using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using StatesLanguage.Server.Api;

namespace StatesLanguage.Server;

/// <summary>The AWS Step Functions API (AWS JSON 1.0, <c>X-Amz-Target: AWSStepFunctions.*</c>) over the local engine.</summary>
public static class StepFunctionsEndpoint
{
    /// <summary>The JSON 1.0 target prefix of every Step Functions operation.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";

    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>Answers <c>POST /</c> with the operation <c>X-Amz-Target</c> names. When the host stops
    /// (<see cref="IHostApplicationLifetime.ApplicationStopping"/>), the service's running executions are recorded as
    /// failed before the host goes on stopping.</summary>
    public static IEndpointConventionBuilder MapStepFunctionsApi(this IEndpointRouteBuilder endpoints, StepFunctionsService service)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(service);
        endpoints.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping
            .Register(() => service.ShutdownAsync().GetAwaiter().GetResult());
        return endpoints.MapPost("/", (HttpContext context) => HandleAsync(context, service));
    }

    private static async Task HandleAsync(HttpContext context, StepFunctionsService service)
    {
        JsonObject response;
        var status = StatusCodes.Status200OK;
        try
        {
            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
                throw StepFunctionsErrors.UnknownOperation();
            var request = await ReadBodyAsync(context.Request, context.RequestAborted);
            response = await service.HandleAsync(target[TargetPrefix.Length..], request, context.RequestAborted);
        }
        catch (StepFunctionsException ex)
        {
            status = ex.StatusCode;
            response = new JsonObject { ["__type"] = ex.Code };
            if (ex.Message.Length > 0)
                response["message"] = ex.Message;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        await context.Response.WriteAsync(response.ToJsonString(AwsJson.Compact), context.RequestAborted);
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return [];
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw StepFunctionsErrors.Serialization("The request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw StepFunctionsErrors.Serialization(ex.Message);
        }
    }
}
