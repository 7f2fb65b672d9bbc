using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The store-day level: header fields, the duplicate store-day check and emitting the finished summary.</summary>
internal sealed partial class UploadParser
{
    private const uint RequiredStoreDayFields =
        (1u << (int)UploadField.SchemaVersion) | (1u << (int)UploadField.StoreId) | (1u << (int)UploadField.BusinessDate)
        | (1u << (int)UploadField.Currency) | (1u << (int)UploadField.Transactions);

    private readonly HashSet<(string StoreId, DateOnly BusinessDate)> _storeDays = [];
    private string? _storeId;
    private string? _businessDateText;
    private bool _storeIdValid;
    private DateOnly? _businessDate;
    private string? _currency;
    private NodaTime.DateTimeZone? _timeZone;

    private void BeginStoreDay()
    {
        Push(FrameKind.StoreDay);
        _accumulator.Reset();
        (_storeId, _businessDateText, _transactionId, _transactionIdLength) = (null, null, null, -1);
        (_storeIdValid, _businessDate, _currency, _timeZone) = (false, null, null, null);
    }

    private void OnStoreDayValue(ref Utf8JsonReader reader, ref ParseFrame frame)
    {
        var field = frame.Pending;
        if (field != UploadField.Transactions && (frame.Seen & (1u << (int)UploadField.Transactions)) != 0)
        {
            Report(ref reader, UploadProblemCodes.FieldAfterTransactions,
                   $"'{UploadFieldNames.Name(field)}' must come before 'transactions': the reader checks transactions against it as they stream by.", null);
        }

        switch (field)
        {
            case UploadField.SchemaVersion:
                if (Expect(ref reader, JsonTokenType.Number, field) && !(reader.TryGetInt32(out var version) && version == UploadLimits.SchemaVersion))
                {
                    Report(ref reader, UploadProblemCodes.UnsupportedSchemaVersion,
                           $"'schema_version' must be {UploadLimits.SchemaVersion}, found {Found(ref reader)}.", null);
                }

                break;
            case UploadField.StoreId:
                ReadStoreId(ref reader);
                break;
            case UploadField.BusinessDate:
                ReadBusinessDate(ref reader);
                break;
            case UploadField.Currency:
                ReadCurrency(ref reader);
                break;
            case UploadField.TimeZone:
                ReadTimeZone(ref reader);
                break;
            default:
                if (Expect(ref reader, JsonTokenType.StartArray, field))
                {
                    Push(FrameKind.Transactions);
                }

                break;
        }
    }

    private void CheckDuplicateStoreDay(ref Utf8JsonReader reader)
    {
        if (_storeIdValid && _businessDate is { } date && !_storeDays.Add((_storeId!, date)))
        {
            Report(ref reader, UploadProblemCodes.DuplicateStoreDay,
                   $"Store-day {_storeId} {date:yyyy-MM-dd} appears more than once in this file; send one object per store and date.", null);
        }
    }

    private void EndStoreDay(ref Utf8JsonReader reader)
    {
        ReportMissing(ref reader, _frames[_depth].Seen, RequiredStoreDayFields);
        var totals = _accumulator.Totals();
        StoreDays++;
        Transactions += totals.Transactions;
        Units += totals.Units;
        NetRevenue += totals.NetRevenue;
        if (_problems.Total == 0)
        {
            _completed.Add(_accumulator.Build(_sourceKey, _storeId!, _businessDate!.Value, _currency!, totals));
        }
    }
}
