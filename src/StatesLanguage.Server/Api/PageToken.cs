using System.Text;

namespace StatesLanguage.Server.Api;

/// <summary>The opaque nextToken of the list operations: a kind and the key where the next page starts, in base64.</summary>
internal static class PageToken
{
    public static string Write(string kind, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{kind}:{key}"));

    /// <summary>The key of a token of <paramref name="kind"/>.</summary>
    /// <exception cref="StepFunctionsException">InvalidToken: not a token this service wrote for that operation.</exception>
    public static string Read(string token, string kind)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(kind + ":", StringComparison.Ordinal))
                return text[(kind.Length + 1)..];
        }
        catch (FormatException)
        {
        }
        throw StepFunctionsErrors.InvalidToken();
    }

    public static long ReadNumber(string token, string kind) =>
        long.TryParse(Read(token, kind), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : throw StepFunctionsErrors.InvalidToken();
}
