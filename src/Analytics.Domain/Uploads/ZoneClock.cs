namespace Analytics.Domain.Uploads;

/// <summary>
/// Converts instants to a store's time zone as <see cref="TimeZoneInfo.ConvertTime(DateTimeOffset, TimeZoneInfo)"/>
/// does, remembering the zone's offset for the UTC hour of the last instant: a store-day's timestamps cluster in a
/// few hours, and looking the offset up in the zone's rules is the costly part. An hour's offset is remembered only
/// when the zone has the same offset at its first and last tick (time zone transitions are hours apart).
/// </summary>
internal sealed class ZoneClock
{
    private TimeZoneInfo? _zone;
    private long _hourStart = -1;
    private TimeSpan _offset;

    /// <summary>Starts converting to <paramref name="zone"/>, forgetting what was remembered for another zone.</summary>
    public void Use(TimeZoneInfo zone)
    {
        if (!ReferenceEquals(zone, _zone))
        {
            (_zone, _hourStart) = (zone, -1);
        }
    }

    /// <summary><paramref name="instant"/> as a local time of the zone given to <see cref="Use"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var zone = _zone!;
        var utc = instant.UtcTicks;
        var hourStart = utc - (utc % TimeSpan.TicksPerHour);
        TimeSpan offset;
        if (hourStart == _hourStart)
        {
            offset = _offset;
        }
        else
        {
            offset = zone.GetUtcOffset(new DateTime(utc, DateTimeKind.Utc));
            var last = Math.Min(hourStart + TimeSpan.TicksPerHour - 1, DateTime.MaxValue.Ticks);
            if (zone.GetUtcOffset(new DateTime(hourStart, DateTimeKind.Utc)) == offset
                && zone.GetUtcOffset(new DateTime(last, DateTimeKind.Utc)) == offset)
            {
                (_hourStart, _offset) = (hourStart, offset);
            }
        }

        // As ConvertTime: the local ticks are clamped to the range of DateTimeOffset.
        var local = utc + offset.Ticks;
        return local > DateTimeOffset.MaxValue.Ticks ? DateTimeOffset.MaxValue
            : local < DateTimeOffset.MinValue.Ticks ? DateTimeOffset.MinValue
            : new DateTimeOffset(local, offset);
    }
}
