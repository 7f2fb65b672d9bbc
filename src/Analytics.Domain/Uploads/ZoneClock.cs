using NodaTime;

namespace Analytics.Domain.Uploads;

/// <summary>
/// Converts instants to a store's time zone, remembering the zone interval (the span with one offset) of the last
/// instant: a store-day's timestamps fall in one or two intervals, and looking the interval up is the costly part.
/// </summary>
internal sealed class ZoneClock
{
    private static readonly long s_epochTicks = DateTimeOffset.UnixEpoch.UtcTicks;
    private DateTimeZone? _zone;
    private long _start = long.MaxValue;
    private long _end = long.MinValue;
    private long _offsetTicks;

    /// <summary>Starts converting to <paramref name="zone"/>, forgetting what was remembered for another zone.</summary>
    public void Use(DateTimeZone zone)
    {
        if (!ReferenceEquals(zone, _zone))
        {
            (_zone, _start, _end) = (zone, long.MaxValue, long.MinValue);
        }
    }

    /// <summary><paramref name="instant"/> as a local time of the zone given to <see cref="Use"/>.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant)
    {
        var utc = instant.UtcTicks;
        if (utc < _start || utc >= _end)
        {
            var interval = _zone!.GetZoneInterval(Instant.FromUnixTimeTicks(utc - s_epochTicks));
            _start = interval.HasStart ? interval.Start.ToUnixTimeTicks() + s_epochTicks : long.MinValue;
            _end = interval.HasEnd ? interval.End.ToUnixTimeTicks() + s_epochTicks : long.MaxValue;
            // Local mean time before a zone's first standard offset has seconds (New York: -4:56:02), which a
            // DateTimeOffset cannot carry: whole minutes, as TimeZoneInfo keeps them.
            var offsetTicks = interval.WallOffset.Ticks;
            _offsetTicks = offsetTicks - (offsetTicks % TimeSpan.TicksPerMinute);
        }

        // The local ticks are clamped to the range of DateTimeOffset, as TimeZoneInfo.ConvertTime does.
        var local = utc + _offsetTicks;
        var offset = new TimeSpan(_offsetTicks);
        return local > DateTimeOffset.MaxValue.Ticks ? DateTimeOffset.MaxValue
            : local < DateTimeOffset.MinValue.Ticks ? DateTimeOffset.MinValue
            : new DateTimeOffset(local, offset);
    }
}
