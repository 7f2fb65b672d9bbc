using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The scanner: reads the bulk of a file, its transactions, straight from the bytes instead of through
/// <see cref="Utf8JsonReader"/>'s tokens (about 40 a transaction, where the checks cost less than the tokenizing and
/// dispatching). It takes whole transactions written in the documented field order, with plain strings (no escapes),
/// amounts of at most 12 digits and 4 decimals, any JSON whitespace, and nothing to report.
/// <para>
/// Invariant: the scanner changes the parser's state only once it has read a whole transaction that the state machine
/// would read without a problem, and then it leaves exactly the state the state machine leaves after it. Whatever else
/// it meets (another field order, an unknown field, an escape, an odd number, a problem, malformed JSON) it leaves to
/// the state machine, which reads that transaction token by token; so every problem, location and path still comes
/// from the state machine alone. The bytes it takes are well-formed JSON by construction: it accepts a strict subset
/// of the grammar.
/// </para>
/// <para>
/// After the last transaction it took, a new <see cref="Utf8JsonReader"/> goes on from the byte after that
/// transaction's <c>}</c>, in the state a reader has there (<see cref="Resync"/>). A transaction cut by the end of the
/// buffer waits for the next read, so it is scanned whole.
/// </para>
/// </summary>
internal sealed partial class UploadParser
{
    // A reader's state right after a transaction's '}', for a file that is an array of store-days or one store-day.
    private static readonly JsonReaderState AfterTransactionInFileArray = StateAfter(FileArrayPrefix);
    private static readonly JsonReaderState AfterTransactionInStoreDay = StateAfter(StoreDayPrefix);

    // The accumulator's lookup maps, held here too: the scanner looks up in them with one call less per lookup.
    private readonly Utf8KeyMap<SkuEntry> _skus;
    private readonly Utf8KeyMap<CategoryEntry> _categories;
    private readonly Utf8KeyMap<PaymentEntry> _payments;
    private readonly bool _scan;
    private ScannedItem[] _scannedItems = new ScannedItem[16];

    /// <summary>Index in the buffer of the current reader's first byte (not 0 after <see cref="Resync"/>).</summary>
    private int _readerBase;

    /// <summary>How many bytes of the buffer hold data.</summary>
    private int _filled;

    /// <summary>
    /// Where the current reader's line counting starts: its line 0 is the file's line <c>Line</c>, and a byte position
    /// <c>Prefix</c> on that line is the file's column <c>Column</c>. A reader after <see cref="Resync"/> counts from a
    /// state made on a short prefix, so its positions in exceptions are turned back into the file's this way.
    /// </summary>
    private (long Line, long Column, long Prefix) _readerOrigin = (1, 1, 0);

    /// <summary>
    /// Reads transactions on from the current token, the start of one in the transactions array (not yet dispatched),
    /// for as long as the scanner takes them; hands the first one it does not take to the state machine.
    /// </summary>
    private void ScanTransactions(ref Utf8JsonReader reader)
    {
        var data = _buffer.AsSpan(0, _filled);
        var at = _readerBase + (int)reader.TokenStartIndex;
        var end = -1;
        while ((at = ScanTransaction(data, at)) >= 0)
        {
            end = at;
            at = Symbol(data, Symbol(data, at, (byte)','), (byte)'{');
            if (at < 0)
            {
                break;
            }

            at--;
        }

        if (end < 0)
        {
            OnValue(ref reader);
            return;
        }

        // Out of data before the next transaction ended: stop reading this buffer, so it comes whole in the next.
        Resync(ref reader, end, stop: at == OutOfData && !reader.IsFinalBlock);
    }

    /// <summary>
    /// Goes on with a new reader from <paramref name="position"/>, just after a transaction's <c>}</c>; with
    /// <paramref name="stop"/>, one that has no data, so that reading the buffer ends there.
    /// </summary>
    private void Resync(ref Utf8JsonReader reader, int position, bool stop)
    {
        var inFileArray = _frames[1].Kind == FrameKind.FileArray;
        var location = _tracker.Locate(_buffer, _tracker.BufferStart + position);
        _readerOrigin = (location.Line, location.Column, (inFileArray ? FileArrayPrefix : StoreDayPrefix).Length);
        _readerBase = position;
        reader = new Utf8JsonReader(_buffer.AsSpan(position, stop ? 0 : _filled - position), !stop && reader.IsFinalBlock,
                                    inFileArray ? AfterTransactionInFileArray : AfterTransactionInStoreDay);
    }

    private static ReadOnlySpan<byte> FileArrayPrefix => "[{\"t\":[{}"u8;

    private static ReadOnlySpan<byte> StoreDayPrefix => "{\"t\":[{}"u8;

    private static JsonReaderState StateAfter(ReadOnlySpan<byte> prefix)
    {
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, new JsonReaderState(ReaderOptions));
        while (reader.Read())
        {
        }

        return reader.CurrentState;
    }

    /// <summary>
    /// Reads a whole transaction from its <c>{</c> at <paramref name="at"/> and, when the state machine would read it
    /// without a problem, adds it. Returns the position after its <c>}</c>, or <see cref="Mismatch"/> or
    /// <see cref="OutOfData"/> with nothing changed.
    /// </summary>
    private int ScanTransaction(ReadOnlySpan<byte> data, int at)
    {
        at = Text(data, Key(data, at + 1, "\"transaction_id\""u8), out var idStart, out var idAscii);
        if (at < 0 || !IsPlainValidText(data[idStart..(at - 1)], idAscii, UploadLimits.TransactionIdMaxLength))
        {
            return Failed(at);
        }

        var id = data[idStart..(at - 1)];
        at = NextText(data, at, "\"timestamp\""u8, out var timeStart, out _);
        if (at < 0 || !Utf8Timestamp.TryParse(data[timeStart..(at - 1)], out var timestamp))
        {
            return Failed(at);
        }

        // Utf8Timestamp takes only texts with an explicit offset, so the offset check holds.
        var local = _timeZone is null ? timestamp : _zoneClock.ToLocal(timestamp);
        if ((_businessDate is { } businessDate && DateOnly.FromDateTime(local.DateTime) != businessDate) || timestamp > _latestTimestamp)
        {
            return Mismatch;
        }

        at = NextText(data, at, "\"payment_method\""u8, out var methodStart, out var methodAscii);
        if (at < 0)
        {
            return at;
        }

        var method = data[methodStart..(at - 1)];
        var payment = _payments.Find(method, out var paymentHash);
        if (payment is null && (!IsPlainValidText(method, methodAscii, UploadLimits.PaymentMethodMaxLength)
                                || _accumulator.PaymentMethodCount == UploadLimits.MaxPaymentMethodsPerStoreDay))
        {
            return Mismatch;
        }

        at = Symbol(data, Key(data, Symbol(data, at, (byte)','), "\"items\""u8), (byte)'[');
        var count = 0;
        var newCategories = 0;
        while (at >= 0)
        {
            if (count == _scannedItems.Length)
            {
                Array.Resize(ref _scannedItems, count * 2);
            }

            at = ScanItem(data, Symbol(data, at, (byte)'{'), ref _scannedItems[count], ref newCategories);
            count++;
            if (at >= 0 && (at = SkipWhitespace(data, at)) < data.Length && data[at] == (byte)',')
            {
                at++;
                continue;
            }

            // The items array must end there, and then the transaction.
            at = Symbol(data, Symbol(data, at, (byte)']'), (byte)'}');
            break;
        }

        // A repeated id is the state machine's to report.
        if (at < 0 || !_accumulator.AddTransactionId(id))
        {
            return Failed(at);
        }

        // The transaction is good: what the state machine does from BeginTransaction to EndTransaction, in its order.
        _frames[_depth].Count++;
        _accumulator.BeginTransaction();
        payment ??= _accumulator.AddPaymentMethod(method, paymentHash, Encoding.UTF8.GetString(method));
        for (var i = 0; i < count; i++)
        {
            AddScannedItem(data, ref _scannedItems[i]);
        }

        _accumulator.EndTransaction(local.Hour, payment);
        id.CopyTo(_transactionIdUtf8);
        (_transactionId, _transactionIdLength, _transactionHour, _transactionPayment) = (null, id.Length, local.Hour, payment);
        return at;
    }

    /// <summary>
    /// Reads an item's fields and <c>}</c> (its <c>{</c> read already) into <paramref name="item"/>, checked as the state
    /// machine checks them. SKUs and categories new to the store-day are only looked up, not added.
    /// </summary>
    private int ScanItem(ReadOnlySpan<byte> data, int at, ref ScannedItem item, ref int newCategories)
    {
        at = Text(data, Key(data, at, "\"sku\""u8), out var skuStart, out var skuAscii);
        if (at < 0)
        {
            return at;
        }

        var skuText = data[skuStart..(at - 1)];
        var sku = _skus.Find(skuText, out var skuHash);
        if (sku is null && !IsPlainValidText(skuText, skuAscii, UploadLimits.SkuMaxLength))
        {
            return Mismatch;
        }

        // As the state machine: a known SKU keeps its first name, so the same name bytes need no check.
        at = NextText(data, at, "\"name\""u8, out var nameStart, out var nameAscii);
        if (at < 0)
        {
            return at;
        }

        var nameText = data[nameStart..(at - 1)];
        if ((sku is null || !nameText.SequenceEqual(sku.NameUtf8)) && !IsPlainValidText(nameText, nameAscii, UploadLimits.NameMaxLength))
        {
            return Mismatch;
        }

        at = NextText(data, at, "\"category\""u8, out var categoryStart, out var categoryAscii);
        if (at < 0)
        {
            return at;
        }

        var categoryText = data[categoryStart..(at - 1)];
        var category = _categories.Find(categoryText, out var categoryHash);
        if (category is null && (!IsPlainValidText(categoryText, categoryAscii, UploadLimits.CategoryMaxLength)
                                 || _accumulator.CategoryCount + ++newCategories > UploadLimits.MaxCategoriesPerStoreDay))
        {
            return Mismatch;
        }

        at = NextNumber(data, at, "\"quantity\""u8, out var quantityStart);
        if (at < 0 || !TryParseDigits(data[quantityStart..at], out var quantity) || quantity is <= 0 or > UploadLimits.MaxQuantity)
        {
            return Failed(at);
        }

        at = NextNumber(data, at, "\"unit_price\""u8, out var priceStart);
        if (at < 0 || !MoneyTicks.TryParseShort(data[priceStart..at], out var price) || price > (long)UploadLimits.MaxUnitPrice * MoneyTicks.PerUnit)
        {
            return Failed(at);
        }

        var gross = quantity * price;
        long discount = 0;
        if ((at = SkipWhitespace(data, at)) < data.Length && data[at] == (byte)',')
        {
            at = Number(data, Key(data, at + 1, "\"discount\""u8), out var discountStart);
            if (at < 0 || !MoneyTicks.TryParseShort(data[discountStart..at], out discount) || discount > gross)
            {
                return Failed(at);
            }
        }

        at = Symbol(data, at, (byte)'}');
        if (at >= 0)
        {
            item = new ScannedItem
            {
                Sku = sku, Category = category, Quantity = quantity, Gross = gross, Discount = discount,
                SkuStart = skuStart, SkuLength = skuText.Length, SkuHash = skuHash, NameStart = nameStart, NameLength = nameText.Length,
                CategoryStart = categoryStart, CategoryLength = categoryText.Length, CategoryHash = categoryHash,
            };
        }

        return at;
    }

    /// <summary>Adds a scanned item's line, first adding its category and SKU when new (an earlier line of the same
    /// transaction may have added them since it was scanned).</summary>
    private void AddScannedItem(ReadOnlySpan<byte> data, ref ScannedItem item)
    {
        var category = item.Category;
        if (category is null)
        {
            var text = data.Slice(item.CategoryStart, item.CategoryLength);
            category = _categories.Find(text, out _) ?? _accumulator.AddCategory(text, item.CategoryHash, Encoding.UTF8.GetString(text));
        }

        var sku = item.Sku;
        if (sku is null)
        {
            var text = data.Slice(item.SkuStart, item.SkuLength);
            var name = data.Slice(item.NameStart, item.NameLength);
            sku = _skus.Find(text, out _)
                  ?? _accumulator.AddSku(text.ToArray(), item.SkuHash, Encoding.UTF8.GetString(text), Encoding.UTF8.GetString(name),
                                         name.ToArray(), category.Category);
        }

        _accumulator.AddLine(sku, category, item.Quantity, item.Gross, item.Discount);
    }

    // The scanning helpers take the position to read at and return the position after what they read, or one of these
    // two; given either of them, they return it, so a sequence of reads can be checked once at its end.
    private const int Mismatch = -1;
    private const int OutOfData = -2;

    /// <summary>What a read that failed a check returns: <see cref="OutOfData"/> when the data ran out, else <see cref="Mismatch"/>.</summary>
    private static int Failed(int at) => at == OutOfData ? OutOfData : Mismatch;

    /// <summary>
    /// Reads a plain string: the returned position is after its closing quote, and its bytes start at
    /// <paramref name="start"/>; <paramref name="ascii"/> tells whether they are all ASCII. A mismatch for an escape
    /// or a raw control character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Text(ReadOnlySpan<byte> data, int at, out int start, out bool ascii)
    {
        (start, ascii) = (0, false);
        at = Symbol(data, at, (byte)'"');
        if (at < 0)
        {
            return at;
        }

        start = at;
        var high = 0;
        for (var i = at; (uint)i < (uint)data.Length; i++)
        {
            var b = data[i];
            if (b == (byte)'"')
            {
                ascii = high < 0x80;
                return i + 1;
            }

            if (b < 0x20 || b == (byte)'\\')
            {
                return Mismatch;
            }

            high |= b;
        }

        return OutOfData;
    }

    /// <summary>Reads the comma before a field, then the field (see <see cref="Key"/>) and its plain string value (see <see cref="Text"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextText(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName, out int start, out bool ascii) =>
        Text(data, Key(data, Symbol(data, at, (byte)','), quotedName), out start, out ascii);

    /// <summary>Reads the comma before a field, then the field (see <see cref="Key"/>) and its number (see <see cref="Number"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextNumber(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName, out int start) =>
        Number(data, Key(data, Symbol(data, at, (byte)','), quotedName), out start);

    /// <summary>Reads <paramref name="quotedName"/> (a property name with its quotes) and the colon after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Key(ReadOnlySpan<byte> data, int at, ReadOnlySpan<byte> quotedName)
    {
        at = SkipWhitespace(data, at);
        if (at < 0 || data.Length - at < quotedName.Length)
        {
            return at < 0 ? at : OutOfData;
        }

        return data.Slice(at, quotedName.Length).SequenceEqual(quotedName) ? Symbol(data, at + quotedName.Length, (byte)':') : Mismatch;
    }

    /// <summary>
    /// Reads a number written as JSON allows, without a sign or an exponent: <c>0</c> or digits not starting with 0,
    /// then optionally a point and digits; <paramref name="start"/> is where it starts. The caller parses the digits.
    /// </summary>
    private static int Number(ReadOnlySpan<byte> data, int at, out int start)
    {
        start = at = SkipWhitespace(data, at);
        if (at < 0)
        {
            return at;
        }

        at = SkipDigits(data, at);
        if (at == start || (at - start > 1 && data[start] == (byte)'0'))
        {
            return at == data.Length ? OutOfData : Mismatch;
        }

        if (at < data.Length && data[at] == (byte)'.')
        {
            var fraction = at + 1;
            at = SkipDigits(data, fraction);
            if (at == fraction && at < data.Length)
            {
                return Mismatch;
            }
        }

        // What follows must be a delimiter, which the caller reads: an exponent, say, does not match it.
        return at;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipDigits(ReadOnlySpan<byte> data, int at)
    {
        while ((uint)at < (uint)data.Length && (uint)(data[at] - '0') <= 9)
        {
            at++;
        }

        return at;
    }

    /// <summary>Reads <paramref name="symbol"/>, after any whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Symbol(ReadOnlySpan<byte> data, int at, byte symbol)
    {
        at = SkipWhitespace(data, at);
        return at < 0 ? at : at == data.Length ? OutOfData : data[at] == symbol ? at + 1 : Mismatch;
    }

    /// <summary>Skips JSON whitespace (space, tab, line feed, carriage return); a failure passes through.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> data, int at)
    {
        while ((uint)at < (uint)data.Length && data[at] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
        {
            at++;
        }

        return at;
    }

    /// <summary>
    /// <see cref="IsValidText"/> for a string without escapes (which cannot hold control characters), without
    /// reporting: true exactly when that check passes. ASCII text is valid UTF-8 of one UTF-16 unit a byte.
    /// </summary>
    private static bool IsPlainValidText(ReadOnlySpan<byte> text, bool ascii, int maxLength) =>
        ascii ? !text.IsEmpty && text.Length <= maxLength
            : text.Length <= 3 * maxLength && Utf8.IsValid(text) && (text.Length <= maxLength || Encoding.UTF8.GetCharCount(text) <= maxLength);

    /// <summary>An item the scanner has read and checked, kept until its whole transaction is.</summary>
    private struct ScannedItem
    {
        public SkuEntry? Sku;
        public CategoryEntry? Category;
        public int SkuStart;
        public int SkuLength;
        public int SkuHash;
        public int NameStart;
        public int NameLength;
        public int CategoryStart;
        public int CategoryLength;
        public int CategoryHash;
        public long Quantity;
        public long Gross;
        public long Discount;
    }
}
