using Analytics.Domain.Insights;

namespace Analytics.Domain.Exports;

/// <summary>
/// The sales forecast: one row per entity and forecast day, the chain first, then stores and categories as the
/// report lists them, each entity's days in date order (seven rows an entity). <c>level</c> is <c>chain</c>,
/// <c>store</c> or <c>category</c>; <c>entity_id</c> the store id or category name (<c>chain</c> for the chain);
/// <c>expected</c>, <c>low</c> and <c>high</c> are net revenue and its 80 % prediction interval, 0 on a
/// <c>closed</c> day. No rows when ForecastSales failed, nor for the chain when it had too little history.
/// </summary>
internal static class ForecastRows
{
    public const string ChainLevel = "chain", StoreLevel = "store", CategoryLevel = "category";

    public static ExportTable<Row> Table { get; } = new ExportTable<Row>()
        .Text("level", r => r.Level)
        .Text("entity_id", r => r.EntityId)
        .Date("forecast_date", r => r.Day.Date)
        .Decimal("expected", r => r.Day.Expected)
        .Decimal("low", r => r.Day.Low)
        .Decimal("high", r => r.Day.High)
        .Boolean("closed", r => r.Day.Closed);

    /// <param name="forecast">Null when the step failed.</param>
    public static async Task WriteAsync(NdjsonPartitionWriter rows, ForecastReport? forecast, CancellationToken cancellationToken)
    {
        if (forecast is null)
        {
            return;
        }

        if (forecast.Chain is { } chain)
        {
            await WriteAsync(rows, ChainLevel, chain, cancellationToken);
        }

        foreach (var store in forecast.Stores)
        {
            await WriteAsync(rows, StoreLevel, store, cancellationToken);
        }

        foreach (var category in forecast.Categories)
        {
            await WriteAsync(rows, CategoryLevel, category, cancellationToken);
        }
    }

    private static async Task WriteAsync(NdjsonPartitionWriter rows, string level, EntityForecast entity, CancellationToken cancellationToken)
    {
        foreach (var day in entity.Days)
        {
            await Table.WriteAsync(rows, new Row(level, entity.Id, day), cancellationToken);
        }
    }

    /// <summary>One forecast day of one entity.</summary>
    internal sealed record Row(string Level, string EntityId, ForecastDay Day);
}
