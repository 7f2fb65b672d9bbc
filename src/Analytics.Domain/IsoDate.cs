using System.Globalization;

namespace Analytics.Domain;

/// <summary>Business dates as ISO 8601 text (<c>YYYY-MM-DD</c>): in keys, prompts, exports and reports alike.</summary>
public static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
