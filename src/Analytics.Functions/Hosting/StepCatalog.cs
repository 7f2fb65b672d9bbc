using System.Reflection;

namespace Analytics.Functions.Hosting;

/// <summary>Every step of the Lambda assembly, found through <see cref="LambdaFunctionAttribute"/>.</summary>
public static class StepCatalog
{
    /// <summary>All steps, ordered by resource name.</summary>
    public static IReadOnlyList<StepDescriptor> All { get; } =
    [
        .. typeof(StepCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.IsDefined(typeof(LambdaFunctionAttribute), inherit: false))
            .Select(StepDescriptor.From)
            .OrderBy(s => s.Function.ResourceName, StringComparer.Ordinal),
    ];

    /// <summary>The step with that resource name (= ASL state name).</summary>
    /// <exception cref="KeyNotFoundException">No step has that name.</exception>
    public static StepDescriptor Get(string resourceName) =>
        All.FirstOrDefault(s => s.Function.ResourceName == resourceName)
        ?? throw new KeyNotFoundException($"No step is named '{resourceName}'. Steps: {string.Join(", ", All.Select(s => s.Function.ResourceName))}.");
}
