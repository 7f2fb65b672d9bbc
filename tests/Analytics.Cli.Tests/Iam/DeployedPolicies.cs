using System.Text.Json.Nodes;
using Analytics.Cli.Commands;
using Analytics.Cli.Deployment;
using Analytics.Cli.Embedded;
using Analytics.Cli.Workflows;
using Analytics.Domain.Sales;
using Analytics.Domain.Storage;
using Analytics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Cli.Tests.Iam;

/// <summary>
/// The functions' policies as deployed: read from the committed <c>serverless.template</c> (which a template test keeps
/// equal to the generator's output), with the stack's names resolved for one test account: the local bucket and a
/// sales table ARN.
/// </summary>
internal static class DeployedPolicies
{
    public const string TableArn = "arn:aws:dynamodb:us-east-1:123456789012:table/analytics-SalesTable-TEST";

    private static readonly Lazy<JsonObject> CommittedTemplate = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFolder.Repository, SamTemplate.FileName)))!.AsObject());

    public static JsonObject Template => CommittedTemplate.Value;

    /// <summary>The values the template's intrinsics take in the test account, with <paramref name="bucket"/> as the bucket.</summary>
    public static IReadOnlyDictionary<string, string> Values(string bucket) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::Partition"] = "aws",
        ["AWS::Region"] = "us-east-1",
        ["AWS::AccountId"] = "123456789012",
        ["DataBucket"] = bucket,
        ["DataBucket.Arn"] = $"arn:aws:s3:::{bucket}",
        ["SalesTable"] = TableArn[(TableArn.LastIndexOf('/') + 1)..],
        ["SalesTable.Arn"] = TableArn,
        ["ModelId"] = "test-model",
    };

    /// <summary>The policy of function <paramref name="functionId"/> with the local bucket.</summary>
    public static IamPolicy Of(string functionId) =>
        IamPolicy.OfFunction(Template, functionId, Values(EmbeddedServiceCollectionExtensions.BucketName));

    /// <summary>The sales table's index, as the template defines it.</summary>
    public static string IndexName => (string)Template["Resources"]![SamTemplate.Table]!["Properties"]!["GlobalSecondaryIndexes"]![0]![nameof(IndexName)]!;

    /// <summary>Puts <see cref="IamObjectStore"/> and <see cref="IamSalesStore"/> with <paramref name="functionId"/>'s policy in front of the stores.</summary>
    public static IServiceCollection EnforcePolicyOf(this IServiceCollection services, string functionId)
    {
        var policy = Of(functionId);
        return services
            .Decorate<IObjectStore>(objects => new IamObjectStore(objects, policy))
            .Decorate<ISalesStore>(sales => new IamSalesStore(sales, policy, TableArn, IndexName));
    }

    /// <summary>Replaces the last registration of <typeparamref name="T"/> by <paramref name="decorate"/> applied to it (same lifetime).</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var inner = services.Last(d => d.ServiceType == typeof(T));
        services.Add(new ServiceDescriptor(typeof(T), provider => decorate((T)(inner.ImplementationInstance
            ?? inner.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, inner.ImplementationType!))), inner.Lifetime));
        return services;
    }
}

/// <summary>
/// The local composition with every function on services of its own, as on AWS each function runs in its own process
/// under its own role: its object store and sales store enforce its policy from the template (<see cref="DeployedPolicies"/>).
/// The host's services (the uploader, the workflows, the test's own reads) use the stores unchecked.
/// </summary>
internal sealed class PolicedFunctions : IAsyncDisposable
{
    private readonly Dictionary<string, ServiceProvider> _functions = new(StringComparer.Ordinal);

    /// <param name="configureFunction">Changes to one function's registrations (a failing model, a failing store), before the policy is applied.</param>
    public PolicedFunctions(string dataDirectory, Action<string, IServiceCollection>? configureFunction = null)
    {
        Services = LocalEnvironment.CreateServices(dataDirectory, instantWaits: true, configure: s => s.AddSingleton<FunctionServices>(step =>
        {
            var name = step.Function.ResourceName;
            lock (_functions)
            {
                if (!_functions.TryGetValue(name, out var services))
                {
                    _functions[name] = services = LocalEnvironment.CreateServices(dataDirectory, instantWaits: true, configure: f =>
                    {
                        configureFunction?.Invoke(name, f);
                        f.EnforcePolicyOf(name);
                    });
                }

                return services;
            }
        }));
    }

    public ServiceProvider Services { get; }

    public LocalWorkflows Workflows => Services.GetRequiredService<LocalWorkflows>();

    /// <summary>The unchecked bucket.</summary>
    public IObjectStore Bucket => Services.GetRequiredService<IObjectStore>();

    public async ValueTask DisposeAsync()
    {
        foreach (var services in _functions.Values)
        {
            await services.DisposeAsync();
        }

        await Services.DisposeAsync();
    }
}
