using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The scanner: reads the bulk of a file, its transactions and returns, straight from the bytes instead of through
/// <see cref="Utf8JsonReader"/>'s tokens (about 40 a transaction, where the checks cost less than the tokenizing and
/// dispatching). It takes whole transactions and returns written in the documented field order, with plain strings
/// (no escapes), amounts of at most 12 digits and 4 decimals, any JSON whitespace, and nothing to report
/// (items: UploadParser.Scanner.Items.cs; returns: UploadParser.Scanner.Returns.cs; the JSON syntax it reads:
/// UploadParser.Scanner.Syntax.cs).
/// <para>
/// Invariant: the scanner changes the parser's state only once it has read a whole transaction or return that the
/// state machine would read without a problem, and then it leaves exactly the state the state machine leaves after
/// it. Whatever else it meets (another field order, an unknown field, an escape, an odd number, a problem, malformed
/// JSON) it leaves to the state machine, which reads that transaction or return token by token; so every problem,
/// location and path still comes from the state machine alone. The bytes it takes are well-formed JSON by
/// construction: it accepts a strict subset of the grammar.
/// </para>
/// <para>
/// After the last transaction or return it took, a new <see cref="Utf8JsonReader"/> goes on from the byte after its
/// <c>}</c>, in the state a reader has there (<see cref="Resync"/>). One cut by the end of the buffer waits for the
/// next read, so it is scanned whole.
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
    /// How many transactions and returns the scanner took, and how many it handed to the state machine (each a
    /// transaction or return the state machine then read token by token); for tests and measurements.
    /// </summary>
    internal (long Transactions, long Returns, long HandedBack) Scanned => (_scannedTransactions, _scannedReturns, _handedBack);

    private long _scannedTransactions;
    private long _scannedReturns;
    private long _handedBack;

    /// <summary>File offset of the last transaction or return the scanner handed back: after the reader has gone on
    /// from the one before it (<see cref="Resync"/>), it is not scanned a second time.</summary>
    private long _handedBackAt = -1;

    /// <summary>
    /// Reads transactions (or returns, with <paramref name="returns"/>) on from the current token, the start of one in
    /// its array (not yet dispatched), for as long as the scanner takes them; hands the first one it does not take to
    /// the state machine.
    /// </summary>
    private void ScanReceipts(ref Utf8JsonReader reader, bool returns)
    {
        var data = _buffer.AsSpan(0, _filled);
        var at = _readerBase + (int)reader.TokenStartIndex;
        var end = -1;
        while (true)
        {
            var next = _tracker.BufferStart + at == _handedBackAt ? Mismatch
                : returns ? ScanReturn(data, at) : ScanTransaction(data, at);
            if (next < 0)
            {
                if (next == Mismatch && _tracker.BufferStart + at != _handedBackAt)
                {
                    (_handedBack, _handedBackAt) = (_handedBack + 1, _tracker.BufferStart + at);
                }

                at = next;
                break;
            }

            end = next;
            at = Symbol(data, Symbol(data, next, (byte)','), (byte)'{');
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

        // Out of data before the next one ended: stop reading this buffer, so it comes whole in the next.
        Resync(ref reader, end, stop: at == OutOfData && !reader.IsFinalBlock);
    }

    /// <summary>
    /// Goes on with a new reader from <paramref name="position"/>, just after a transaction's or return's <c>}</c>
    /// (both are objects in an array that is a field of a store-day: the reader's state is the same); with
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
    [MethodImpl(MethodImplOptions.NoInlining)] // Its syntax helpers are inlined into it, within the JIT's budget.
    private int ScanTransaction(ReadOnlySpan<byte> data, int at)
    {
        at = Text(data, Key(data, at + 1, "\"transaction_id\""u8), out var idStart, out var idAscii);
        if (at < 0 || !IsPlainValidText(data[idStart..(at - 1)], idAscii, UploadLimits.TransactionIdMaxLength))
        {
            return Failed(at);
        }

        var id = data[idStart..(at - 1)];
        at = ScanTimeAndPayment(data, at, out var receipt);
        at = ScanItemsAndEnd(data, Symbol(data, at, (byte)','), out var count);

        // A repeated id is the state machine's to report.
        if (at < 0 || !_accumulator.AddTransactionId(id))
        {
            return Failed(at);
        }

        // The transaction is good: what the state machine does from BeginTransaction to EndTransaction, in its order.
        _frames[_depth].Count++;
        _accumulator.BeginTransaction();
        var payment = AddScannedReceipt(data, ref receipt, count);
        _accumulator.EndTransaction(receipt.Hour, payment, id, receipt.Time);
        SetReceiptId(id, in receipt, payment);
        _scannedTransactions++;
        return at;
    }

    /// <summary>
    /// Reads a receipt's <c>,"timestamp":…,"payment_method":…</c> (after its id) into <paramref name="receipt"/>, checked
    /// as the state machine checks them; a payment method new to the store-day is only looked up, not added.
    /// </summary>
    private int ScanTimeAndPayment(ReadOnlySpan<byte> data, int at, out ScannedReceipt receipt)
    {
        receipt = default;
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

        receipt = new ScannedReceipt
        {
            Hour = local.Hour, Time = local, Payment = payment, MethodStart = methodStart, MethodLength = method.Length, MethodHash = paymentHash,
        };
        return at;
    }

    /// <summary>
    /// Adds a scanned receipt's payment method (when new) and its <paramref name="count"/> lines, in the state
    /// machine's order, to the open transaction or return; returns the payment method's entry.
    /// </summary>
    private PaymentEntry AddScannedReceipt(ReadOnlySpan<byte> data, ref ScannedReceipt receipt, int count)
    {
        var payment = receipt.Payment;
        if (payment is null)
        {
            var method = data.Slice(receipt.MethodStart, receipt.MethodLength);
            payment = _accumulator.AddPaymentMethod(method, receipt.MethodHash, Encoding.UTF8.GetString(method));
        }

        for (var i = 0; i < count; i++)
        {
            AddScannedItem(data, ref _scannedItems[i]);
        }

        return payment;
    }

    /// <summary>What the state machine holds of the receipt it read last: its id (for problems), time and payment.</summary>
    private void SetReceiptId(ReadOnlySpan<byte> id, in ScannedReceipt receipt, PaymentEntry payment)
    {
        id.CopyTo(_transactionIdUtf8);
        (_transactionId, _transactionIdLength, _transactionHour, _transactionTime, _transactionPayment) =
            (null, id.Length, receipt.Hour, receipt.Time, payment);
    }

    /// <summary>A receipt's time and payment method, read and checked, kept until the whole receipt is.</summary>
    private struct ScannedReceipt
    {
        public int Hour;
        public DateTimeOffset Time;
        public PaymentEntry? Payment;
        public int MethodStart;
        public int MethodLength;
        public int MethodHash;
    }
}
