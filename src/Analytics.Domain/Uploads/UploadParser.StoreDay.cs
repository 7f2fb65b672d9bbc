using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The store-day level: header fields, the duplicate store-day check, which version's rules apply, and
/// emitting the finished summary.</summary>
internal sealed partial class UploadParser
{
    /// <summary>Version 2's required fields: transactions and returns are optional, but not both empty.</summary>
    private const uint RequiredStoreDayFieldsV2 =
        (1u << (int)UploadField.SchemaVersion) | (1u << (int)UploadField.StoreId) | (1u << (int)UploadField.BusinessDate)
        | (1u << (int)UploadField.Currency);

    private const uint RequiredStoreDayFields = RequiredStoreDayFieldsV2 | (1u << (int)UploadField.Transactions);

    private const uint ReceiptArrays = (1u << (int)UploadField.Transactions) | (1u << (int)UploadField.Returns);

    private readonly HashSet<(string StoreId, DateOnly BusinessDate)> _storeDays = [];
    private string? _storeId;
    private string? _businessDateText;
    private bool _storeIdValid;
    private DateOnly? _businessDate;
    private string? _currency;
    private NodaTime.DateTimeZone? _timeZone;

    /// <summary>The store-day's schema version: 1, 2, or 0 while unread or unsupported.</summary>
    private int _schemaVersion;

    private void BeginStoreDay()
    {
        Push(FrameKind.StoreDay);
        _accumulator.Reset();
        (_storeId, _businessDateText, _transactionId, _transactionIdLength) = (null, null, null, -1);
        (_storeIdValid, _businessDate, _currency, _timeZone, _schemaVersion) = (false, null, null, null, 0);
    }

    private void OnStoreDayValue(ref Utf8JsonReader reader, ref ParseFrame frame)
    {
        var field = frame.Pending;
        if (field is not (UploadField.Transactions or UploadField.Returns) && (frame.Seen & ReceiptArrays) != 0)
        {
            Report(ref reader, UploadProblemCodes.FieldAfterTransactions,
                   $"'{UploadFieldNames.Name(field)}' must come before 'transactions' and 'returns': the reader checks them against it as they stream by.", null);
        }

        switch (field)
        {
            case UploadField.SchemaVersion:
                ReadSchemaVersion(ref reader);
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
            case UploadField.Returns when _schemaVersion == UploadLimits.SchemaVersion:
                Report(ref reader, UploadProblemCodes.ReturnsNeedVersion2,
                       $"'returns' needs schema_version {UploadLimits.ReturnsSchemaVersion}; this store-day is version {UploadLimits.SchemaVersion}, which has sales only.", null);
                SkipValue(ref reader);
                break;
            case UploadField.Returns:
                if (Expect(ref reader, JsonTokenType.StartArray, field))
                {
                    Push(FrameKind.Returns);
                }

                break;
            default:
                if (Expect(ref reader, JsonTokenType.StartArray, field))
                {
                    Push(FrameKind.Transactions);
                }

                break;
        }
    }

    private void ReadSchemaVersion(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.Number, UploadField.SchemaVersion))
        {
            return;
        }

        if (reader.TryGetInt32(out var version) && version is UploadLimits.SchemaVersion or UploadLimits.ReturnsSchemaVersion)
        {
            _schemaVersion = version;
            return;
        }

        Report(ref reader, UploadProblemCodes.UnsupportedSchemaVersion,
               $"'schema_version' must be {UploadLimits.SchemaVersion} or {UploadLimits.ReturnsSchemaVersion} (with returns), found {Found(ref reader)}.", null);
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
        var v2 = _schemaVersion == UploadLimits.ReturnsSchemaVersion;
        ReportMissing(ref reader, _frames[_depth].Seen, v2 ? RequiredStoreDayFieldsV2 : RequiredStoreDayFields);
        if (v2 && _accumulator.Transactions == 0 && _accumulator.Returns == 0)
        {
            _frames[_depth].Pending = UploadField.None; // the path names the store-day, not its last field
            Report(ref reader, UploadProblemCodes.EmptyStoreDay, "The store-day has neither a transaction nor a return: send at least one of them.", null);
        }

        CheckSameDayOriginals();
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
