using System.Globalization;
using System.Text;
using Analytics.Domain.Storage;
using Analytics.Functions.UploadProcessing;
using NSubstitute;

namespace Analytics.Functions.Tests.UploadProcessing;

/// <summary>Small upload files (format v1) written out by hand for step tests.</summary>
internal static class UploadFiles
{
    /// <summary>A store-day with <paramref name="transactions"/> transactions of one line each: 2 × 10.50, 1.00 discount.</summary>
    public static string StoreDay(string storeId, string date, int transactions = 2)
    {
        var body = new StringBuilder();
        for (var t = 1; t <= transactions; t++)
        {
            body.Append(CultureInfo.InvariantCulture, $$"""
                {"transaction_id":"{{storeId}}-{{t}}","timestamp":"{{date}}T10:{{t % 60:D2}}:00+00:00","payment_method":"card",
                 "items":[{"sku":"SKU-1","name":"Beans","category":"Coffee","quantity":2,"unit_price":10.50,"discount":1.00}]}
                """);
            if (t < transactions)
            {
                body.Append(',');
            }
        }

        return $$"""{"schema_version":1,"store_id":"{{storeId}}","business_date":"{{date}}","currency":"USD","transactions":[{{body}}]}""";
    }

    public static string Array(params string[] storeDays) => "[" + string.Join(",", storeDays) + "]";

    public static MemoryStream Stream(string json) => new(Encoding.UTF8.GetBytes(json));

    /// <summary>Makes <paramref name="objects"/> list the keys in <paramref name="present"/> (read when listed), as S3 lists a prefix.</summary>
    public static void ListPresent(IObjectStore objects, IReadOnlySet<string> present) =>
        objects.ListAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            lock (present)
            {
                return present.Where(k => k.StartsWith(call.ArgAt<string>(0), StringComparison.Ordinal)).Order(StringComparer.Ordinal)
                              .Select(k => new StoredObject(k, 1, DateTimeOffset.UnixEpoch)).ToList().ToAsyncEnumerable();
            }
        });

    /// <summary>
    /// Makes what is written to <paramref name="objects"/> listed (through <paramref name="present"/>, see
    /// <see cref="ListPresent"/>), readable when it is a ledger entry, and gone when deleted: what the step writes it
    /// lists and reads back (the ledger, the pending-save record).
    /// </summary>
    public static void KeepWrites(IObjectStore objects, HashSet<string> present, Dictionary<string, byte[]> written)
    {
        objects.WriteAsync(Arg.Any<string>(), Arg.Any<Stream>(), Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            using var body = new MemoryStream();
            call.ArgAt<Stream>(1).CopyTo(body);
            lock (present)
            {
                written[call.ArgAt<string>(0)] = body.ToArray();
                present.Add(call.ArgAt<string>(0));
            }

            return Task.CompletedTask;
        });
        objects.OpenReadAsync(Arg.Is<string>(k => k.StartsWith(StoreDayLedger.Prefix, StringComparison.Ordinal)), Arg.Any<CancellationToken>())
               .Returns(call =>
               {
                   lock (present)
                   {
                       return new MemoryStream(written[call.ArgAt<string>(0)]);
                   }
               });
        objects.DeleteAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            lock (present)
            {
                present.Remove(call.ArgAt<string>(0));
            }

            return Task.CompletedTask;
        });
    }
}
