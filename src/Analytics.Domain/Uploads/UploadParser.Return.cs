using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The return level (format v2): return id, its <c>original</c> sale, and closing it. A return's timestamp, payment
/// method and items are read by the transaction's and item's readers; the accumulator books its lines as refunds.
/// Problems inside a return name its return id where they name a transaction's id.
/// </summary>
internal sealed partial class UploadParser
{
    private const uint RequiredReturnFields =
        (1u << (int)UploadField.ReturnId) | (1u << (int)UploadField.Timestamp)
        | (1u << (int)UploadField.PaymentMethod) | (1u << (int)UploadField.Items);

    private const uint RequiredOriginalFields =
        (1u << (int)UploadField.OriginalTransactionId) | (1u << (int)UploadField.OriginalBusinessDate);

    /// <summary>Returns of the store-day whose original sale is in this very store-day, checked when it ends.</summary>
    private readonly List<OriginalReference> _sameDayOriginals = [];

    private byte[]? _originalId;
    private UploadLocation _originalIdLocation;
    private DateOnly? _originalDate;
    private bool _originalOtherStore;

    private void BeginReturn()
    {
        Push(FrameKind.Return);
        _accumulator.BeginReturn();
        (_transactionId, _transactionIdLength, _transactionHour, _transactionTime, _transactionPayment) = (null, -1, -1, default, null);
    }

    private void ReadReturnId(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.ReturnId))
        {
            return;
        }

        var text = Unescape(ref reader);
        if (!IsValidText(ref reader, text, UploadField.ReturnId, UploadLimits.TransactionIdMaxLength))
        {
            return;
        }

        text.CopyTo(_transactionIdUtf8);
        (_transactionId, _transactionIdLength) = (null, text.Length);
        if (!_accumulator.AddReturnId(text))
        {
            Report(ref reader, UploadProblemCodes.DuplicateReturnId,
                   $"Return id {Found(ref reader)} appears more than once in store-day {_storeId} {_businessDateText}.", null);
        }
    }

    private void EndReturn(ref Utf8JsonReader reader)
    {
        ReportMissing(ref reader, _frames[_depth].Seen, RequiredReturnFields);
        _accumulator.EndReturn(_transactionHour, _transactionPayment, ReceiptId(), _transactionTime);
    }

    private void BeginOriginal()
    {
        Push(FrameKind.Original);
        _accumulator.NameOriginal();
        (_originalId, _originalDate, _originalOtherStore) = (null, null, false);
    }

    private void ReadOriginalTransactionId(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.OriginalTransactionId))
        {
            return;
        }

        var text = Unescape(ref reader);
        if (IsValidText(ref reader, text, UploadField.OriginalTransactionId, UploadLimits.TransactionIdMaxLength))
        {
            _originalId = text.ToArray();
            _originalIdLocation = _tracker.Locate(_buffer, TokenOffset(ref reader));
        }
    }

    private void ReadOriginalBusinessDate(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.OriginalBusinessDate))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.OriginalBusinessDate, 64);
        if (length < 0)
        {
            return;
        }

        if (!DateOnly.TryParseExact(_chars.AsSpan(0, length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(ref reader, UploadProblemCodes.InvalidBusinessDate,
                   $"The original sale's 'business_date' must be a date written YYYY-MM-DD, found {Found(ref reader)}.", null);
            return;
        }

        if (_businessDate is { } returnDate && date > returnDate)
        {
            Report(ref reader, UploadProblemCodes.OriginalAfterReturn,
                   $"The original sale's 'business_date' {date:yyyy-MM-dd} is after this return's business date {returnDate:yyyy-MM-dd}: a sale is returned after it is made.", null);
            return;
        }

        _originalDate = date;
    }

    private void ReadOriginalStoreId(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.OriginalStoreId))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.OriginalStoreId, UploadLimits.StoreIdMaxLength);
        if (length < 0)
        {
            return;
        }

        var storeId = new string(_chars, 0, length);
        if (!IsValidStoreId(storeId))
        {
            Report(ref reader, UploadProblemCodes.InvalidStoreId,
                   $"The original sale's 'store_id' must start with a letter or digit and hold only letters, digits, '.', '_' and '-', found {Found(ref reader)}.", null);
            return;
        }

        _originalOtherStore = !string.Equals(storeId, _storeId, StringComparison.Ordinal);
    }

    /// <summary>Closes <c>original</c>; a sale of this very store-day is remembered, to be looked for when it ends.</summary>
    private void EndOriginal(ref Utf8JsonReader reader)
    {
        ReportMissing(ref reader, _frames[_depth].Seen, RequiredOriginalFields);
        if (_originalId is not null && !_originalOtherStore && _originalDate is { } date && date == _businessDate)
        {
            _sameDayOriginals.Add(new OriginalReference(_originalId, _originalIdLocation, BuildPath("transaction_id"), CurrentTransactionId()));
        }
    }

    /// <summary>
    /// At the end of a store-day that has transactions: every return of one of its own sales must name one of them.
    /// A store-day of returns only may refund sales sent in another file, so it is not checked.
    /// </summary>
    private void CheckSameDayOriginals()
    {
        if (_accumulator.Transactions > 0)
        {
            foreach (var original in _sameDayOriginals)
            {
                if (!_accumulator.HasTransactionId(original.TransactionId))
                {
                    ReportUnknownOriginal(original);
                }
            }
        }

        _sameDayOriginals.Clear();
    }

    private void ReportUnknownOriginal(OriginalReference original)
    {
        if (!_problems.Accepting)
        {
            _problems.Count();
            return;
        }

        var id = Shorten(Encoding.UTF8.GetString(original.TransactionId));
        _problems.Add(new UploadProblem(
            UploadProblemCodes.UnknownOriginalTransaction,
            $"The return's original sale \"{id}\" is of this store-day ({_storeId} {_businessDateText}), which has no transaction of that id.",
            original.Path, original.Location.Line, original.Location.Column, _storeId, _businessDateText, original.ReturnId));
    }

    /// <summary>A return's reference to a sale of its own store-day: the id, where it is written, and the return's id.</summary>
    private sealed record OriginalReference(byte[] TransactionId, UploadLocation Location, string Path, string? ReturnId);
}
