using System.Reflection;

namespace Analytics.Functions.Hosting;

/// <summary>
/// One workflow step as found by reflection: its class, its <see cref="LambdaFunctionAttribute"/> method, and
/// the request and response types that cross the JSON boundary.
/// </summary>
public sealed record StepDescriptor(Type StepType, MethodInfo Method, LambdaFunctionAttribute Function, Type RequestType, Type ResponseType)
{
    /// <summary>The step's ASL template variable, e.g. <c>process_upload_lambda_arn</c>.</summary>
    public string ArnVariable => Function.ArnVariable ?? $"{SnakeCase(Function.ResourceName)}_lambda_arn";

    /// <summary>Describes <paramref name="method"/>, or explains why it is not a valid handler.</summary>
    /// <exception cref="InvalidOperationException">The method's shape is not <c>Task&lt;TResponse&gt; M(TRequest, CancellationToken)</c>.</exception>
    public static StepDescriptor From(MethodInfo method)
    {
        var function = method.GetCustomAttribute<LambdaFunctionAttribute>()
                       ?? throw new InvalidOperationException($"{method.DeclaringType}.{method.Name} has no [LambdaFunction].");
        var parameters = method.GetParameters();
        if (method.IsStatic || parameters.Length != 2 || parameters[1].ParameterType != typeof(CancellationToken)
            || !method.ReturnType.IsGenericType || method.ReturnType.GetGenericTypeDefinition() != typeof(Task<>))
        {
            throw new InvalidOperationException(
                $"{method.DeclaringType}.{method.Name} must be an instance method Task<TResponse> (TRequest, CancellationToken).");
        }

        if (string.IsNullOrWhiteSpace(function.ResourceName))
        {
            throw new InvalidOperationException($"{method.DeclaringType}.{method.Name}: [LambdaFunction] needs a ResourceName.");
        }

        return new StepDescriptor(method.DeclaringType!, method, function, parameters[0].ParameterType, method.ReturnType.GetGenericArguments()[0]);
    }

    /// <summary>The single <see cref="LambdaFunctionAttribute"/> method of <paramref name="stepType"/>.</summary>
    public static StepDescriptor ForStep(Type stepType)
    {
        var methods = stepType.GetMethods(BindingFlags.Public | BindingFlags.Instance)
                              .Where(m => m.IsDefined(typeof(LambdaFunctionAttribute), inherit: false))
                              .ToList();
        return methods.Count == 1
            ? From(methods[0])
            : throw new InvalidOperationException($"{stepType} must have exactly one [LambdaFunction] method; it has {methods.Count}.");
    }

    private static string SnakeCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
