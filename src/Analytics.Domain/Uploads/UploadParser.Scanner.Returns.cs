using System.Runtime.CompilerServices;
using System.Text;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The scanner's returns (format v2): a return is read as a transaction is (UploadParser.Scanner.cs), with
/// <c>return_id</c> for its id and, between its payment method and its items, an optional <c>original</c> written
/// <c>{"transaction_id":…,"business_date":"YYYY-MM-DD"}</c>, optionally with <c>"store_id"</c> last.
/// <para>
/// A return whose original sale is of this very store-day (same store and business date) is left to the state
/// machine, which remembers where that id is written to look for it when the store-day ends (rare: a till refunds
/// today's sale with a new receipt seldom). The state the state machine keeps of an <c>original</c> it closed
/// (<c>_originalId</c> and the like) is read only when it closes the next one, so the scanner does not set it.
/// </para>
/// </summary>
internal sealed partial class UploadParser
{
    /// <summary>
    /// Reads a whole return from its <c>{</c> at <paramref name="at"/> and, when the state machine would read it
    /// without a problem, adds it. Returns the position after its <c>}</c>, or <see cref="Mismatch"/> or
    /// <see cref="OutOfData"/> with nothing changed.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // As ScanTransaction.
    private int ScanReturn(ReadOnlySpan<byte> data, int at)
    {
        at = Text(data, Key(data, at + 1, "\"return_id\""u8), out var idStart, out var idAscii);
        if (at < 0 || !IsPlainValidText(data[idStart..(at - 1)], idAscii, UploadLimits.TransactionIdMaxLength))
        {
            return Failed(at);
        }

        var id = data[idStart..(at - 1)];
        at = SkipWhitespace(data, Symbol(data, ScanTimeAndPayment(data, at, out var receipt), (byte)','));
        if (at >= 0 && data.Length - at < 2)
        {
            return OutOfData;
        }

        var hasOriginal = at >= 0 && data[at + 1] == (byte)'o';
        if (hasOriginal)
        {
            at = Symbol(data, ScanOriginal(data, at), (byte)',');
        }

        at = ScanItemsAndEnd(data, at, out var count);

        // A repeated id is the state machine's to report.
        if (at < 0 || !_accumulator.AddReturnId(id))
        {
            return Failed(at);
        }

        // The return is good: what the state machine does from BeginReturn to EndReturn, in its order.
        _frames[_depth].Count++;
        _accumulator.BeginReturn();
        if (hasOriginal)
        {
            _accumulator.NameOriginal();
        }

        var payment = AddScannedReceipt(data, ref receipt, count);
        _accumulator.EndReturn(receipt.Hour, payment, id, receipt.Time);
        SetReceiptId(id, in receipt, payment);
        _scannedReturns++;
        return at;
    }

    /// <summary>
    /// Reads <c>"original":{…}</c> and checks it as the state machine does; a mismatch too for a sale of this very
    /// store-day (see the type's remarks).
    /// </summary>
    private int ScanOriginal(ReadOnlySpan<byte> data, int at)
    {
        at = Text(data, Key(data, Symbol(data, Key(data, at, "\"original\""u8), (byte)'{'), "\"transaction_id\""u8), out var idStart, out var idAscii);
        if (at < 0 || !IsPlainValidText(data[idStart..(at - 1)], idAscii, UploadLimits.TransactionIdMaxLength))
        {
            return Failed(at);
        }

        at = NextText(data, at, "\"business_date\""u8, out var dateStart, out _);
        if (at < 0 || !TryParseDate(data[dateStart..(at - 1)], out var date))
        {
            return Failed(at);
        }

        if (_businessDate is { } returnDate && date > returnDate)
        {
            return Mismatch;
        }

        var otherStore = false;
        if ((at = SkipWhitespace(data, at)) < data.Length && data[at] == (byte)',')
        {
            at = Text(data, Key(data, at + 1, "\"store_id\""u8), out var storeStart, out var storeAscii);
            if (at < 0)
            {
                return at;
            }

            var storeId = data[storeStart..(at - 1)];
            if (!storeAscii || !IsPlainValidText(storeId, ascii: true, UploadLimits.StoreIdMaxLength) || !IsValidStoreId(storeId))
            {
                return Mismatch;
            }

            otherStore = _storeId is null || !Ascii.Equals(storeId, _storeId);
        }

        at = Symbol(data, at, (byte)'}');
        return at >= 0 && !otherStore && _businessDate == date ? Mismatch : at;
    }

    /// <summary>
    /// A date written exactly <c>YYYY-MM-DD</c>; true only for texts that <c>DateOnly.TryParseExact(…, "yyyy-MM-dd",
    /// InvariantCulture)</c> takes too (it may take a few more, which the state machine then reads).
    /// </summary>
    private static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryParseDigits(text[..4], out var year) || !TryParseDigits(text[5..7], out var month) || !TryParseDigits(text[8..], out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            return false;
        }

        date = new DateOnly((int)year, (int)month, (int)day);
        return true;
    }

    /// <summary><see cref="IsValidStoreId(string)"/> for an ASCII store id's bytes.</summary>
    private static bool IsValidStoreId(ReadOnlySpan<byte> storeId)
    {
        if (!char.IsAsciiLetterOrDigit((char)storeId[0]))
        {
            return false;
        }

        foreach (var b in storeId)
        {
            if (!char.IsAsciiLetterOrDigit((char)b) && b is not ((byte)'.' or (byte)'_' or (byte)'-'))
            {
                return false;
            }
        }

        return true;
    }
}
