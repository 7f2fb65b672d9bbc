using NodaTime;

namespace Analytics.Domain;

/// <summary>
/// IANA time zones from the tz database NodaTime carries inside its assembly, never from the machine: the Lambda image
/// has no tzdata, and the same zone id must give the same dates on a laptop, in CI and on AWS.
/// </summary>
public static class TimeZones
{
    /// <summary>The tz database's version, e.g. <c>2025b</c>.</summary>
    public static string Version => DateTimeZoneProviders.Tzdb.VersionId;

    /// <summary>The zone named by an IANA id such as <c>America/New_York</c> or <c>UTC</c>; null when the database has no such id.</summary>
    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>The local date and time of <paramref name="instant"/> in <paramref name="zone"/>, with that moment's offset.</summary>
    public static DateTimeOffset ToLocal(this DateTimeZone zone, DateTimeOffset instant) =>
        Instant.FromDateTimeOffset(instant).InZone(zone).ToDateTimeOffset();
}
