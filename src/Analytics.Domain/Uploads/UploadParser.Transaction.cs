using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The transaction level: id, timestamp (offset, local date, hour, future) and payment method.</summary>
internal sealed partial class UploadParser
{
    private const uint RequiredTransactionFields =
        (1u << (int)UploadField.TransactionId) | (1u << (int)UploadField.Timestamp)
        | (1u << (int)UploadField.PaymentMethod) | (1u << (int)UploadField.Items);

    private readonly byte[] _transactionIdUtf8 = new byte[3 * UploadLimits.TransactionIdMaxLength];
    private int _transactionIdLength = -1;
    private string? _transactionId;
    private readonly ZoneClock _zoneClock = new();
    private int _transactionHour;
    private DateTimeOffset _transactionTime;
    private PaymentEntry? _transactionPayment;

    private void BeginTransaction()
    {
        Push(FrameKind.Transaction);
        _accumulator.BeginTransaction();
        (_transactionId, _transactionIdLength, _transactionHour, _transactionTime, _transactionPayment) = (null, -1, -1, default, null);
    }

    private void ReadTransactionId(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.TransactionId))
        {
            return;
        }

        var text = Unescape(ref reader);
        if (!IsValidText(ref reader, text, UploadField.TransactionId, UploadLimits.TransactionIdMaxLength))
        {
            return;
        }

        // The id's string is made only when a problem names it.
        text.CopyTo(_transactionIdUtf8);
        (_transactionId, _transactionIdLength) = (null, text.Length);
        if (!_accumulator.AddTransactionId(text))
        {
            ReportDuplicateTransactionId(ref reader);
        }
    }

    private void ReportDuplicateTransactionId(ref Utf8JsonReader reader) =>
        Report(ref reader, UploadProblemCodes.DuplicateTransactionId,
               $"Transaction id {Found(ref reader)} appears more than once in store-day {_storeId} {_businessDateText}.", null);

    private void ReadTimestamp(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Timestamp))
        {
            return;
        }

        if (!(!reader.ValueIsEscaped && Utf8Timestamp.TryParse(reader.ValueSpan, out var timestamp)) && !TryGetDateTimeOffset(ref reader, out timestamp))
        {
            ReportTimestamp(ref reader, UploadProblemCodes.InvalidTimestamp, default);
            return;
        }

        if (!HasExplicitOffset(Unescape(ref reader)))
        {
            ReportTimestamp(ref reader, UploadProblemCodes.TimestampWithoutOffset, default);
            return;
        }

        var local = _timeZone is null ? timestamp : _zoneClock.ToLocal(timestamp);
        if (_businessDate is { } businessDate && DateOnly.FromDateTime(local.DateTime) != businessDate)
        {
            ReportTimestamp(ref reader, UploadProblemCodes.TimestampOutsideBusinessDate, local);
        }

        if (timestamp > _latestTimestamp)
        {
            ReportTimestamp(ref reader, UploadProblemCodes.FutureTimestamp, default);
        }

        _transactionHour = local.Hour;
        _transactionTime = local;
    }

    /// <summary><see cref="Utf8JsonReader.TryGetDateTimeOffset"/>, which throws rather than say false for a text that
    /// escapes a lone surrogate.</summary>
    private static bool TryGetDateTimeOffset(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        try
        {
            return reader.TryGetDateTimeOffset(out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>Reports a timestamp problem (out of line, like its message building); <paramref name="local"/> is for
    /// <see cref="UploadProblemCodes.TimestampOutsideBusinessDate"/>.</summary>
    private void ReportTimestamp(ref Utf8JsonReader reader, string code, DateTimeOffset local)
    {
        var message = code switch
        {
            UploadProblemCodes.InvalidTimestamp =>
                $"'timestamp' must be an ISO 8601 date and time with an offset (2025-01-15T09:12:33-05:00), found {Found(ref reader)}.",
            UploadProblemCodes.TimestampWithoutOffset => $"'timestamp' must end with an offset such as -05:00 or Z, found {Found(ref reader)}.",
            UploadProblemCodes.TimestampOutsideBusinessDate =>
                $"'timestamp' {Found(ref reader)} is on {local:yyyy-MM-dd} in {(_timeZone is null ? "its own offset" : _timeZone.Id)}, not on business_date {_businessDate!.Value:yyyy-MM-dd}.",
            _ => $"'timestamp' {Found(ref reader)} is in the future (later than {_latestTimestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).",
        };
        Report(ref reader, code, message, null);
    }

    /// <summary>The UTF-8 bytes of the id of the receipt being read; empty when not read or invalid (the store-day then
    /// has a problem and is not saved).</summary>
    private ReadOnlySpan<byte> ReceiptId() => _transactionIdLength < 0 ? [] : _transactionIdUtf8.AsSpan(0, _transactionIdLength);

    /// <summary>The id of the transaction being read, as written; null when not read (yet) or invalid.</summary>
    private string? CurrentTransactionId() =>
        _transactionId ??= _transactionIdLength < 0 ? null : Encoding.UTF8.GetString(_transactionIdUtf8, 0, _transactionIdLength);

    /// <summary>Whether an ISO 8601 text ends with <c>Z</c> or a <c>±hh:mm</c> / <c>±hhmm</c> offset.</summary>
    private static bool HasExplicitOffset(ReadOnlySpan<byte> text)
    {
        if (text.Length > 10 && text[^1] is (byte)'Z' or (byte)'z')
        {
            return true;
        }

        // The usual shape, ...THH:mm:ss±hh:mm, needs no search: the offset's sign lies after a 'T' at index 10.
        if (text.Length > 16 && text[10] == (byte)'T' && text[^6] is (byte)'+' or (byte)'-')
        {
            return true;
        }

        var time = text.IndexOf((byte)'T') is var t and >= 0 ? text[(t + 1)..] : [];
        return time.LastIndexOfAny((byte)'+', (byte)'-') >= 0;
    }

    private void ReadPaymentMethod(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.PaymentMethod))
        {
            return;
        }

        var text = Unescape(ref reader);
        _transactionPayment = _accumulator.FindPaymentMethod(text, out var hash);
        if (_transactionPayment is not null || !IsValidText(ref reader, text, UploadField.PaymentMethod, UploadLimits.PaymentMethodMaxLength))
        {
            return;
        }

        _transactionPayment = _accumulator.AddPaymentMethod(text, hash, Encoding.UTF8.GetString(text));
        if (_accumulator.PaymentMethodCount == UploadLimits.MaxPaymentMethodsPerStoreDay + 1)
        {
            ReportTooMany(ref reader, UploadProblemCodes.TooManyPaymentMethods);
        }
    }

    private void EndTransaction(ref Utf8JsonReader reader)
    {
        ReportMissing(ref reader, _frames[_depth].Seen, RequiredTransactionFields);
        _accumulator.EndTransaction(_transactionHour, _transactionPayment, ReceiptId(), _transactionTime);
    }
}
