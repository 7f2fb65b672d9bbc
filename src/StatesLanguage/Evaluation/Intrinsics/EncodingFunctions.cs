using System.Security.Cryptography;
using System.Text;

namespace StatesLanguage.Evaluation.Intrinsics;

/// <summary>States.Base64Encode/Decode, States.Hash and States.UUID.</summary>
internal static class EncodingFunctions
{
    /// <summary>AWS limits the input of Base64Encode, Base64Decode and Hash to this many characters.</summary>
    public const int MaxInputLength = 10_000;

    public static JsonNode? Base64Encode(IntrinsicInvocation call)
    {
        var text = Limited(call);
        return JsonValue.Create(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)));
    }

    public static JsonNode? Base64Decode(IntrinsicInvocation call)
    {
        var text = Limited(call);
        try
        {
            return JsonValue.Create(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            throw new IntrinsicFailureException("The argument of States.Base64Decode is not valid base64.");
        }
    }

    public static JsonNode? Hash(IntrinsicInvocation call)
    {
        var text = call.Values[0] is null ? throw IntrinsicArguments.Fail(call, 0, "a value") :
            JsonData.TryGetString(call.Values[0], out var s) ? s : JsonData.Serialize(call.Values[0]);
        if (text.Length > MaxInputLength)
            throw new IntrinsicFailureException($"The input of States.Hash exceeds {MaxInputLength} characters.");
        var algorithm = IntrinsicArguments.String(call, 1);
        var bytes = Encoding.UTF8.GetBytes(text);
        var digest = Digest(algorithm, bytes) ?? throw new IntrinsicFailureException(
            $"The hash algorithm '{algorithm}' is not supported; use MD5, SHA-1, SHA-256, SHA-384 or SHA-512.");
        return JsonValue.Create(Convert.ToHexStringLower(digest));
    }

    /// <summary>The digest of <paramref name="data"/> by an algorithm of States.Hash and JSONata's $hash (MD5, SHA-1,
    /// SHA-256, SHA-384, SHA-512); null for any other name.</summary>
    public static byte[]? Digest(string algorithm, byte[] data)
    {
#pragma warning disable CA5350, CA5351 // MD5 and SHA-1 are part of the States.Hash contract, not used for security here.
        return algorithm switch
        {
            "MD5" => MD5.HashData(data),
            "SHA-1" => SHA1.HashData(data),
            "SHA-256" => SHA256.HashData(data),
            "SHA-384" => SHA384.HashData(data),
            "SHA-512" => SHA512.HashData(data),
            _ => null,
        };
#pragma warning restore CA5350, CA5351
    }

    public static JsonNode? Uuid(IntrinsicInvocation call) => JsonValue.Create(Guid.NewGuid().ToString());

    private static string Limited(IntrinsicInvocation call)
    {
        var text = IntrinsicArguments.String(call, 0);
        if (text.Length > MaxInputLength)
            throw new IntrinsicFailureException($"The input of {call.Name} exceeds {MaxInputLength} characters.");
        return text;
    }
}
