using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Analytics.Domain.Sales;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Analytics.Cli.Commands;

/// <summary><c>analytics summaries --date D [--json]</c>: the stored store-day summaries of a business date.</summary>
internal static class SummariesCommand
{
    public static Command Create(LocalEnvironment local)
    {
        var date = new Option<DateOnly>("--date") { Description = "Business date (YYYY-MM-DD)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summaries as JSON (with SKU lines) instead of a table" };
        var command = new Command("summaries", "Show the stored store-day summaries of a business date.") { date, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var services = local.BuildServices(parseResult);
            var sales = services.GetRequiredService<ISalesStore>();
            var day = parseResult.GetValue(date);
            var asJson = parseResult.GetValue(json);
            var stores = await sales.GetDayAsync(day, asJson ? SalesDetail.WithSkus : SalesDetail.Totals, cancellationToken);
            if (asJson)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(stores, CliJsonContext.Default.IReadOnlyListStoreDaySummary));
                return 0;
            }

            if (stores.Count == 0)
            {
                Console.WriteLine($"No sales stored for {day:yyyy-MM-dd}.");
                return 0;
            }

            var table = new Table().Title($"Store-days of {day:yyyy-MM-dd}")
                .AddColumns("Store", "Currency", "Transactions", "Units", "Gross", "Discounts", "Returns", "Refunds", "Return rate", "Net revenue", "Avg basket");
            foreach (var column in table.Columns.Skip(2))
            {
                column.RightAligned();
            }

            foreach (var store in stores)
            {
                table.AddRow([Markup.Escape(store.StoreId), store.Currency, .. Figures(store.Totals)]);
            }

            var chain = SalesMerge.ChainDay(day, stores);
            table.AddRow(["[bold]chain[/]", stores.Select(s => s.Currency).Distinct().Count() == 1 ? stores[0].Currency : "mixed", .. Figures(chain.Totals)]);
            Terminal.Out.Write(table);
            return 0;
        });
        return command;
    }

    private static string[] Figures(SalesTotals totals) =>
    [
        totals.Transactions.ToString("N0", CultureInfo.InvariantCulture),
        totals.Units.ToString("N0", CultureInfo.InvariantCulture),
        totals.GrossSales.ToString("N2", CultureInfo.InvariantCulture),
        totals.Discounts.ToString("N2", CultureInfo.InvariantCulture),
        totals.ReturnTransactions.ToString("N0", CultureInfo.InvariantCulture),
        totals.Returns.ToString("N2", CultureInfo.InvariantCulture),
        totals.ReturnRate.ToString("P1", CultureInfo.InvariantCulture),
        totals.NetRevenue.ToString("N2", CultureInfo.InvariantCulture),
        totals.AverageBasket.ToString("N2", CultureInfo.InvariantCulture),
    ];
}
