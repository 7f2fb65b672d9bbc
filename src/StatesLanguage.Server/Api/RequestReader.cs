using System.Text.Json;

namespace StatesLanguage.Server.Api;

/// <summary>Reads the members of one request body as the service model types them, collecting every constraint
/// failure in AWS's words; <see cref="ThrowIfInvalid"/> then answers them all as one ValidationException. A member of
/// the wrong JSON type is a SerializationException, as AWS answers it.</summary>
public sealed class RequestReader(JsonObject body)
{
    private readonly List<string> _failures = [];

    public string RequiredString(string name, int minLength = 1, int maxLength = int.MaxValue)
    {
        var value = OptionalString(name, minLength, maxLength);
        if (value is null)
            _failures.Add($"Value null at '{name}' failed to satisfy constraint: Member must not be null");
        return value ?? "";
    }

    public string? OptionalString(string name, int minLength = 0, int maxLength = int.MaxValue)
    {
        var node = body[name];
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.String)
            throw StepFunctionsErrors.Serialization($"The member '{name}' must be a string.");
        var value = node.GetValue<string>();
        if (value.Length < minLength)
            _failures.Add($"Value '{value}' at '{name}' failed to satisfy constraint: Member must have length greater than or equal to {minLength}");
        else if (value.Length > maxLength)
            _failures.Add($"Value '{value}' at '{name}' failed to satisfy constraint: Member must have length less than or equal to {maxLength}");
        return value;
    }

    /// <summary>One of <paramref name="values"/> (listed in the message in the order given), or null when absent.</summary>
    public string? OptionalEnum(string name, params string[] values)
    {
        var value = OptionalString(name);
        if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            _failures.Add($"Value '{value}' at '{name}' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", values)}]");
        return value;
    }

    public int? OptionalInt(string name, int min, int max)
    {
        var node = body[name];
        if (node is null)
            return null;
        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue<int>(out var value))
            throw StepFunctionsErrors.Serialization($"The member '{name}' must be an integer.");
        if (value < min)
            _failures.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{name}' failed to satisfy constraint: Member must have value greater than or equal to {min}");
        else if (value > max)
            _failures.Add($"Value '{value.ToString(CultureInfo.InvariantCulture)}' at '{name}' failed to satisfy constraint: Member must have value less than or equal to {max}");
        return value;
    }

    public bool? OptionalBool(string name)
    {
        var node = body[name];
        if (node is null)
            return null;
        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw StepFunctionsErrors.Serialization($"The member '{name}' must be a boolean."),
        };
    }

    /// <summary>A structure member (loggingConfiguration, tracingConfiguration), or null when absent.</summary>
    public JsonObject? OptionalObject(string name) => body[name] switch
    {
        null => null,
        JsonObject value => value,
        _ => throw StepFunctionsErrors.Serialization($"The member '{name}' must be an object."),
    };

    /// <summary>Reads <c>maxResults</c> (0 or absent means the default, 100; at most 1000, as the model says).</summary>
    public int PageSize()
    {
        var size = OptionalInt("maxResults", 0, 1000) ?? 0;
        return size == 0 ? 100 : size;
    }

    /// <exception cref="StepFunctionsException">ValidationException listing every failure found so far.</exception>
    public void ThrowIfInvalid()
    {
        if (_failures.Count > 0)
            throw StepFunctionsErrors.Validation(_failures);
    }
}
