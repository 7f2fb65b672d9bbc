using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The fast path for the bulk of a file: transactions and items written in the documented field order, without
/// escapes, whole in the buffer and with nothing to report. It reads such a transaction head or item in one go,
/// straight from the <see cref="Utf8JsonReader"/>, instead of dispatching each of its tokens through the state machine
/// (about 14 tokens an item, and dispatch cost more than the checks themselves).
/// <para>
/// Invariant: the fast path changes the parser's state only once it has read a whole transaction head or item that
/// the state machine would read without a problem, and then it leaves exactly the state the state machine leaves
/// after the same tokens. For anything else (another field order, an unknown or escaped name, an escaped or invalid
/// value, the end of the buffer, malformed JSON) it puts the reader back on the object's first token and hands that
/// token to the state machine, which reads the object again; so every problem, location and path still comes from
/// the state machine alone, however the input is cut.
/// </para>
/// </summary>
internal sealed partial class UploadParser
{
    // The accumulator's lookup maps, held here too: the fast path looks up in them with one call less per lookup.
    private readonly Utf8KeyMap<SkuEntry> _skus;
    private readonly Utf8KeyMap<CategoryEntry> _categories;
    private readonly Utf8KeyMap<PaymentEntry> _payments;

    private const uint TransactionHeadFields =
        (1u << (int)UploadField.TransactionId) | (1u << (int)UploadField.Timestamp)
        | (1u << (int)UploadField.PaymentMethod) | (1u << (int)UploadField.Items);

    /// <summary>
    /// Reads transactions and items on the fast path for as long as they come in the usual shape. The current token
    /// is the start of a transaction (in the transactions array) or of an item (in an items array), not yet dispatched.
    /// Returns with the reader on a token already dispatched, or after <see cref="Utf8JsonReader.Read"/> said the
    /// buffer has no further whole token (it says so again when asked again).
    /// </summary>
    private void ReadFast(ref Utf8JsonReader reader)
    {
        if (_frames[_depth].Kind == FrameKind.Items && !ReadItemsFast(ref reader))
        {
            return;
        }

        while (true)
        {
            if (!TryReadTransactionHead(ref reader))
            {
                OnValue(ref reader);
                return;
            }

            if (!reader.Read())
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                // Usually the end of an empty items array, which the state machine reports.
                Dispatch(ref reader);
                return;
            }

            if (!ReadItemsFast(ref reader))
            {
                return;
            }
        }
    }

    /// <summary>
    /// Reads the items of a transaction from the start of one of them (the current token), then the ends of the items
    /// array and of the transaction. True when the reader is then on the start of the next transaction (not yet
    /// dispatched); false when it returned to the state machine (as <see cref="ReadFast"/> describes).
    /// </summary>
    private bool ReadItemsFast(ref Utf8JsonReader reader)
    {
        ref var items = ref _frames[_depth];
        do
        {
            if (!TryReadItem(ref reader, ref items))
            {
                OnValue(ref reader);
                return false;
            }

            if (!reader.Read())
            {
                return false;
            }
        }
        while (reader.TokenType == JsonTokenType.StartObject);

        // The array holds at least the item just read, so its end has nothing to report.
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            Dispatch(ref reader);
            return false;
        }

        _depth--;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            Dispatch(ref reader);
            return false;
        }

        EndTransaction(ref reader);
        _depth--;
        if (!reader.Read())
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        Dispatch(ref reader);
        return false;
    }

    /// <summary>
    /// Reads a transaction's id, timestamp, payment method and the start of its items, from its start (the current
    /// token). False, with the reader back on that start, when the state machine must read them.
    /// </summary>
    private bool TryReadTransactionHead(ref Utf8JsonReader reader)
    {
        var start = reader;
        try
        {
            if (ReadTransactionHead(ref reader))
            {
                return true;
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the state machine meets the same error again, and reports it with its own path.
        }

        reader = start;
        return false;
    }

    private bool ReadTransactionHead(ref Utf8JsonReader reader)
    {
        var id = ReadField(ref reader, "transaction_id"u8, JsonTokenType.String);
        if (!IsPlainValidText(id, UploadLimits.TransactionIdMaxLength))
        {
            return false;
        }

        // Utf8Timestamp accepts only texts with an explicit offset, so the offset check holds.
        if (!Utf8Timestamp.TryParse(ReadField(ref reader, "timestamp"u8, JsonTokenType.String), out var timestamp))
        {
            return false;
        }

        var local = _timeZone is null ? timestamp : _zoneClock.ToLocal(timestamp);
        if ((_businessDate is { } businessDate && DateOnly.FromDateTime(local.DateTime) != businessDate) || timestamp > _latestTimestamp)
        {
            return false;
        }

        var method = ReadField(ref reader, "payment_method"u8, JsonTokenType.String);
        var payment = _payments.Find(method, out var paymentHash);
        if ((payment is null && (!IsPlainValidText(method, UploadLimits.PaymentMethodMaxLength)
                                 || _accumulator.PaymentMethodCount == UploadLimits.MaxPaymentMethodsPerStoreDay))
            || !ReadName(ref reader, "items"u8) || !reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        // A repeated id is left to the state machine to report; nothing has been changed yet.
        if (!_accumulator.AddTransactionId(id))
        {
            return false;
        }

        _frames[_depth].Count++;
        BeginTransaction();
        id.CopyTo(_transactionIdUtf8);
        _transactionIdLength = id.Length;
        _transactionHour = local.Hour;
        _transactionPayment = payment ?? _accumulator.AddPaymentMethod(method, paymentHash, Encoding.UTF8.GetString(method));
        ref var transaction = ref _frames[_depth];
        transaction.Seen = TransactionHeadFields;
        transaction.Pending = UploadField.Items;
        Push(FrameKind.Items);
        return true;
    }

    /// <summary>
    /// Reads a whole item from its start (the current token) and adds its line. False, with the reader back on that
    /// start and nothing changed, when the state machine must read it.
    /// </summary>
    private bool TryReadItem(ref Utf8JsonReader reader, ref ParseFrame items)
    {
        var start = reader;
        try
        {
            if (ReadItem(ref reader, ref items))
            {
                return true;
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the state machine meets the same error again, and reports it with its own path.
        }

        reader = start;
        return false;
    }

    private bool ReadItem(ref Utf8JsonReader reader, ref ParseFrame items)
    {
        var skuText = ReadField(ref reader, "sku"u8, JsonTokenType.String);
        var sku = _skus.Find(skuText, out var skuHash);
        if (sku is null && !IsPlainValidText(skuText, UploadLimits.SkuMaxLength))
        {
            return false;
        }

        // As the state machine: a known SKU keeps its first name, so the same name bytes need no check.
        var nameText = ReadField(ref reader, "name"u8, JsonTokenType.String);
        if ((sku is null || !nameText.SequenceEqual(sku.NameUtf8)) && !IsPlainValidText(nameText, UploadLimits.NameMaxLength))
        {
            return false;
        }

        var categoryText = ReadField(ref reader, "category"u8, JsonTokenType.String);
        var category = _categories.Find(categoryText, out var categoryHash);
        if (category is null && (!IsPlainValidText(categoryText, UploadLimits.CategoryMaxLength)
                                 || _accumulator.CategoryCount == UploadLimits.MaxCategoriesPerStoreDay))
        {
            return false;
        }

        if (!TryParseDigits(ReadField(ref reader, "quantity"u8, JsonTokenType.Number), out var quantity) || quantity is <= 0 or > UploadLimits.MaxQuantity)
        {
            return false;
        }

        // Amounts are read by MoneyTicks.TryParseShort when they are short, as they usually are, else the general way.
        var priceText = ReadField(ref reader, "unit_price"u8, JsonTokenType.Number);
        if (!(MoneyTicks.TryParseShort(priceText, out var price) || TryParseMoney(priceText, out price))
            || price > (long)UploadLimits.MaxUnitPrice * MoneyTicks.PerUnit || !reader.Read())
        {
            return false;
        }

        var gross = quantity * price;
        long discount = 0;
        if (reader.TokenType == JsonTokenType.PropertyName)
        {
            var discountText = reader.ValueSpan.SequenceEqual("discount"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number
                ? reader.ValueSpan : default;
            if (!(MoneyTicks.TryParseShort(discountText, out discount) || TryParseMoney(discountText, out discount))
                || discount > gross || !reader.Read())
            {
                return false;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            return false;
        }

        // The item is good: what the state machine does from BeginItem to EndItem, in its order.
        items.Count++;
        category ??= _accumulator.AddCategory(categoryText, categoryHash, Encoding.UTF8.GetString(categoryText));
        sku ??= _accumulator.AddSku(skuText.ToArray(), skuHash, Encoding.UTF8.GetString(skuText),
                                    Encoding.UTF8.GetString(nameText), nameText.ToArray(), category.Category);
        _accumulator.AddLine(sku, category, quantity, gross, discount);
        return true;
    }

    /// <summary>
    /// Reads the property <paramref name="name"/> and its value, which must be of <paramref name="type"/> and not
    /// escaped: the value's bytes, or empty when it is not such a value (or an empty string, which the state machine reports).
    /// An escaped name never matches: its bytes hold a backslash.
    /// </summary>
    /// <remarks>Returns the bytes rather than setting an out span: writing a span through a reference costs a write barrier.</remarks>
    private static ReadOnlySpan<byte> ReadField(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonTokenType type) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueSpan.SequenceEqual(name)
        && reader.Read() && reader.TokenType == type && !reader.ValueIsEscaped ? reader.ValueSpan : default;

    /// <summary>Reads the property <paramref name="name"/>. An escaped name never matches: its bytes hold a backslash.</summary>
    private static bool ReadName(ref Utf8JsonReader reader, ReadOnlySpan<byte> name) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueSpan.SequenceEqual(name);

    /// <summary>
    /// <see cref="IsValidText"/> for a string token without escapes (which cannot hold control characters), without
    /// reporting: true exactly when that check passes.
    /// </summary>
    private static bool IsPlainValidText(ReadOnlySpan<byte> text, int maxLength) =>
        !text.IsEmpty && text.Length <= 3 * maxLength && Utf8.IsValid(text)
        && (text.Length <= maxLength || Encoding.UTF8.GetCharCount(text) <= maxLength);

    /// <summary>
    /// The ticks of an amount that <see cref="ReadMoney"/> accepts without a problem, when it is written as plain
    /// digits; false for anything else (which the state machine then reads).
    /// </summary>
    private static bool TryParseMoney(ReadOnlySpan<byte> text, out long ticks)
    {
        ticks = 0;
        return Utf8Decimal.TryParsePlain(text, out var mantissa, out var scale, out var negative)
               && !(negative && mantissa != 0) && MoneyTicks.TryFromParts(mantissa, scale, out ticks);
    }
}
