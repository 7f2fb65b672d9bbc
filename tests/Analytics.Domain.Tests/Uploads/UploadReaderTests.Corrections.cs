using System.Text;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Tests.Uploads;

/// <summary>Format v2's fields for several files of one store-day: <c>exported_at</c> orders them, <c>action</c> says
/// what a file does to the earlier ones; and where each store-day object lies in the file, so it can be kept as sent.</summary>
public sealed partial class UploadReaderTests
{
    /// <summary>A replacing store-day exported in the evening, then a withdrawal of another store's day, laid out over lines.</summary>
    internal const string ReplaceAndWithdraw = """
        [
          {"schema_version":2,"store_id":"store-0042","business_date":"2025-01-15","currency":"USD",
           "exported_at":"2025-01-15T21:05:00.5-05:00","action":"replace",
           "transactions":[
            {"transaction_id":"T-1","timestamp":"2025-01-15T09:12:33-05:00","payment_method":"card","items":[
              {"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":18.50,"discount":0.00}]}]},
          {"action":"withdraw","schema_version":2,"store_id":"store-0043","business_date":"2025-01-15","currency":"EUR"}
        ]
        """;

    [Fact]
    public async Task ReadAsync_ExportedAtAndAction_AreCarriedWithTheStoreDay()
    {
        var (result, emitted) = await UploadReaderHarness.ReadAsync(ReplaceAndWithdraw);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(2, emitted.Count);
        Assert.Equal((StoreDayAction.Replace, new DateTimeOffset(2025, 1, 15, 21, 5, 0, 500, TimeSpan.FromHours(-5))),
                     (emitted[0].Action, emitted[0].ExportedAt!.Value));
        Assert.Equal(37.00m, emitted[0].Summary.Totals.NetRevenue);
        Assert.Equal((StoreDayAction.Withdraw, (DateTimeOffset?)null), (emitted[1].Action, emitted[1].ExportedAt));
        Assert.Equal(SalesTotals.Zero, emitted[1].Summary.Totals);
    }

    [Fact]
    public async Task ReadAsync_StoreDayWithoutTheFields_MergesAndHasNoExportTime()
    {
        var (_, emitted) = await UploadReaderHarness.ReadAsync(MalformedUploads.ValidWithReturns);

        Assert.Equal((StoreDayAction.Merge, (DateTimeOffset?)null), (emitted[0].Action, emitted[0].ExportedAt));
    }

    [Theory]
    [InlineData(ReplaceAndWithdraw)]
    [InlineData(TwoStoreDays)]
    [InlineData(ReturnsFirst)]
    [InlineData(MalformedUploads.ValidWithReturns)]
    public async Task ReadAsync_AnyLayout_StartAndLengthAreTheStoreDayObjectsBytes(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        foreach (var chunk in new[] { bytes.Length, 7, 1 })
        {
            var (_, emitted) = await UploadReaderHarness.ReadAsync(new PacedStream(bytes, (_, _) => chunk));

            var objects = emitted.Select(c => Encoding.UTF8.GetString(bytes, (int)c.Start, (int)c.Length)).ToList();
            Assert.All(objects, o => Assert.True(o.StartsWith('{') && o.EndsWith('}'), o));
            Assert.Equal(TopLevelObjects(json), objects);
        }
    }

    /// <summary>The texts of the file's store-day objects, found by bracket depth (the samples' strings hold no braces).</summary>
    private static List<string> TopLevelObjects(string json)
    {
        var objects = new List<string>();
        var (depth, start) = (0, -1);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == '{' && depth++ == 0)
            {
                start = i;
            }
            else if (json[i] == '}' && --depth == 0)
            {
                objects.Add(json[start..(i + 1)]);
            }
        }

        return objects;
    }
}
