namespace Analytics.Cli.Generation;

internal static class StableHash
{
    /// <summary>FNV-1a over the UTF-16 code units: unlike string.GetHashCode, the same in every process.</summary>
    public static int GetStableHash(this string value)
    {
        var hash = 2166136261u;
        foreach (var c in value)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
