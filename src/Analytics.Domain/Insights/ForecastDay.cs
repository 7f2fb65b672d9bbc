namespace Analytics.Domain.Insights;

/// <summary>
/// One forecast day of one entity: the expected net revenue and its 80 % prediction interval, in the chain's
/// currency, rounded to cents. Always 0 ≤ <see cref="Low"/> ≤ <see cref="Expected"/> ≤ <see cref="High"/>; a closed
/// day (a configured closure, or a weekday the entity never trades on) is 0 / 0 / 0 with <see cref="Closed"/> true.
/// </summary>
public sealed record ForecastDay(DateOnly Date, decimal Expected, decimal Low, decimal High, bool Closed);
