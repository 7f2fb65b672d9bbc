using System.Text.Json;

namespace Analytics.Domain.Sales;

/// <summary>
/// A fast path for reading the breakdown bodies <see cref="SalesJson.SerializeBreakdown"/> writes: one pass of a
/// <see cref="Utf8JsonReader"/> straight into the records, where the serializer's records with many constructor
/// parameters go through a slow generic path (a daily run reads hundreds of thousands of these bodies). Names that
/// repeat from body to body (categories, payment methods) are shared rather than allocated each time. Anything
/// unexpected — an unknown, missing (other than a return member, absent when zero) or repeated member, another token type — returns false, and the caller lets the
/// serializer read the body, so the result (or the error) is always the serializer's.
/// </summary>
internal static class SalesBreakdownReader
{
    [ThreadStatic]
    private static NameCache? t_names;

    public static bool TryRead(ReadOnlySpan<byte> utf8Json, out SalesBreakdownDocument? document)
    {
        document = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json);
            IReadOnlyList<HourSales>? hours = null;
            IReadOnlyList<CategorySales>? categories = null;
            IReadOnlyList<PaymentMethodSales>? methods = null;
            IReadOnlyList<ReceiptSummary>? largestSales = null, largestReturns = null;
            int? withoutOriginal = null;
            decimal? refundWithoutOriginal = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("hours"u8) && hours is null)
                {
                    hours = ReadArray(ref reader, ReadHour);
                }
                else if (reader.ValueTextEquals("categories"u8) && categories is null)
                {
                    categories = ReadArray(ref reader, ReadCategory);
                }
                else if (reader.ValueTextEquals("paymentMethods"u8) && methods is null)
                {
                    methods = ReadArray(ref reader, ReadPaymentMethod);
                }
                else if (reader.ValueTextEquals("largestSales"u8) && largestSales is null)
                {
                    largestSales = ReadArray(ref reader, ReadReceipt);
                }
                else if (reader.ValueTextEquals("largestReturns"u8) && largestReturns is null)
                {
                    largestReturns = ReadArray(ref reader, ReadReceipt);
                }
                else if (reader.ValueTextEquals("returnTransactionsWithoutOriginal"u8) && withoutOriginal is null)
                {
                    withoutOriginal = Number(ref reader).GetInt32();
                }
                else if (reader.ValueTextEquals("returnsWithoutOriginal"u8) && refundWithoutOriginal is null)
                {
                    refundWithoutOriginal = Number(ref reader).GetDecimal();
                }
                else
                {
                    return false;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read() || hours is null || categories is null || methods is null)
            {
                return false;
            }

            document = new SalesBreakdownDocument(hours, categories, methods, largestSales, largestReturns,
                                                  withoutOriginal ?? 0, refundWithoutOriginal ?? 0m);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or Unexpected)
        {
            return false;
        }
    }

    private delegate T ItemReader<out T>(ref Utf8JsonReader reader);

    private static List<T> ReadArray<T>(ref Utf8JsonReader reader, ItemReader<T> item)
    {
        Expect(ref reader, JsonTokenType.StartArray);
        List<T> items = [];
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new Unexpected();
            }

            items.Add(item(ref reader));
        }

        return items;
    }

    private static HourSales ReadHour(ref Utf8JsonReader reader)
    {
        int? hour = null, transactions = null, returnTransactions = null;
        long? units = null, unitsReturned = null;
        decimal? net = null, returns = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("hour"u8) && hour is null) hour = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("transactions"u8) && transactions is null) transactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("units"u8) && units is null) units = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("netRevenue"u8) && net is null) net = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("returnTransactions"u8) && returnTransactions is null) returnTransactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("unitsReturned"u8) && unitsReturned is null) unitsReturned = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("returns"u8) && returns is null) returns = Number(ref reader).GetDecimal();
            else throw new Unexpected();
        }

        return reader.TokenType == JsonTokenType.EndObject && hour is { } h && transactions is { } t && units is { } u && net is { } n
            ? new HourSales(h, t, u, n, returnTransactions ?? 0, unitsReturned ?? 0, returns ?? 0m)
            : throw new Unexpected();
    }

    private static CategorySales ReadCategory(ref Utf8JsonReader reader)
    {
        string? category = null;
        int? transactions = null, lines = null, returnTransactions = null, returnLines = null;
        long? units = null, unitsReturned = null;
        decimal? gross = null, discounts = null, returns = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("category"u8) && category is null) category = Name(ref reader);
            else if (reader.ValueTextEquals("transactions"u8) && transactions is null) transactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("units"u8) && units is null) units = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("lines"u8) && lines is null) lines = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("grossSales"u8) && gross is null) gross = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("discounts"u8) && discounts is null) discounts = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("returnTransactions"u8) && returnTransactions is null) returnTransactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("unitsReturned"u8) && unitsReturned is null) unitsReturned = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("returnLines"u8) && returnLines is null) returnLines = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("returns"u8) && returns is null) returns = Number(ref reader).GetDecimal();
            else throw new Unexpected();
        }

        return reader.TokenType == JsonTokenType.EndObject && category is not null && transactions is { } t && units is { } u
               && lines is { } l && gross is { } g && discounts is { } d
            ? new CategorySales(category, t, u, l, g, d, returnTransactions ?? 0, unitsReturned ?? 0, returnLines ?? 0, returns ?? 0m)
            : throw new Unexpected();
    }

    private static PaymentMethodSales ReadPaymentMethod(ref Utf8JsonReader reader)
    {
        string? method = null;
        int? transactions = null, returnTransactions = null;
        decimal? net = null, returns = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("paymentMethod"u8) && method is null) method = Name(ref reader);
            else if (reader.ValueTextEquals("transactions"u8) && transactions is null) transactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("netRevenue"u8) && net is null) net = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("returnTransactions"u8) && returnTransactions is null) returnTransactions = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("returns"u8) && returns is null) returns = Number(ref reader).GetDecimal();
            else throw new Unexpected();
        }

        return reader.TokenType == JsonTokenType.EndObject && method is not null && transactions is { } t && net is { } n
            ? new PaymentMethodSales(method, t, n, returnTransactions ?? 0, returns ?? 0m)
            : throw new Unexpected();
    }

    private static ReceiptSummary ReadReceipt(ref Utf8JsonReader reader)
    {
        string? id = null;
        DateTimeOffset? timestamp = null;
        decimal? amount = null, topCategoryAmount = null;
        long? units = null;
        int? lines = null;
        ReceiptLine? top = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8) && id is null) id = Text(ref reader).GetString();
            else if (reader.ValueTextEquals("timestamp"u8) && timestamp is null) timestamp = Text(ref reader).GetDateTimeOffset();
            else if (reader.ValueTextEquals("amount"u8) && amount is null) amount = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("units"u8) && units is null) units = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("lines"u8) && lines is null) lines = Number(ref reader).GetInt32();
            else if (reader.ValueTextEquals("topCategoryAmount"u8) && topCategoryAmount is null) topCategoryAmount = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("topLine"u8) && top is null)
            {
                Expect(ref reader, JsonTokenType.StartObject);
                top = ReadReceiptLine(ref reader);
            }
            else throw new Unexpected();
        }

        return reader.TokenType == JsonTokenType.EndObject && id is not null && timestamp is { } t && amount is { } a && units is { } u
               && lines is { } l && top is not null && topCategoryAmount is { } c
            ? new ReceiptSummary(id, t, a, u, l, top, c)
            : throw new Unexpected();
    }

    private static ReceiptLine ReadReceiptLine(ref Utf8JsonReader reader)
    {
        string? sku = null, name = null, category = null;
        long? quantity = null;
        decimal? price = null, amount = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("sku"u8) && sku is null) sku = Text(ref reader).GetString();
            else if (reader.ValueTextEquals("name"u8) && name is null) name = Text(ref reader).GetString();
            else if (reader.ValueTextEquals("category"u8) && category is null) category = Name(ref reader);
            else if (reader.ValueTextEquals("quantity"u8) && quantity is null) quantity = Number(ref reader).GetInt64();
            else if (reader.ValueTextEquals("unitPrice"u8) && price is null) price = Number(ref reader).GetDecimal();
            else if (reader.ValueTextEquals("amount"u8) && amount is null) amount = Number(ref reader).GetDecimal();
            else throw new Unexpected();
        }

        return reader.TokenType == JsonTokenType.EndObject && sku is not null && name is not null && category is not null
               && quantity is { } q && price is { } p && amount is { } a
            ? new ReceiptLine(sku, name, category, q, p, a)
            : throw new Unexpected();
    }

    private static ref Utf8JsonReader Text(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return ref reader;
    }

    private static ref Utf8JsonReader Number(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.Number);
        return ref reader;
    }

    private static string Name(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.String);
        return (t_names ??= new NameCache()).Get(ref reader);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (!reader.Read() || reader.TokenType != type)
        {
            throw new Unexpected();
        }
    }

    /// <summary>The last few distinct names read on this thread, so that repeated names share one string.</summary>
    private sealed class NameCache
    {
        private const int Size = 64;
        private readonly string[] _names = new string[Size];
        private readonly byte[][] _utf8 = new byte[Size][];
        private int _count;
        private int _next;

        public string Get(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                for (var i = 0; i < _count; i++)
                {
                    if (reader.ValueSpan.SequenceEqual(_utf8[i]))
                    {
                        return _names[i];
                    }
                }
            }

            var name = reader.GetString()!;
            if (!reader.ValueIsEscaped && !reader.HasValueSequence)
            {
                _names[_next] = name;
                _utf8[_next] = reader.ValueSpan.ToArray();
                _next = (_next + 1) % Size;
                _count = Math.Min(_count + 1, Size);
            }

            return name;
        }
    }

    /// <summary>Not the shape the fast path reads; the serializer takes over.</summary>
    private sealed class Unexpected : Exception;
}
