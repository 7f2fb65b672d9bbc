using System.Text.Json;
using Analytics.Domain.Sales;

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
    private DateTimeOffset? _exportedAt;
    private StoreDayAction _action;
    private long _storeDayStart;

    /// <summary>The version 2 fields a version 1 store-day may not have.</summary>
    private const uint Version2Fields = (1u << (int)UploadField.ExportedAt) | (1u << (int)UploadField.Action);

    /// <summary>The store-day's schema version: 1, 2, or 0 while unread or unsupported.</summary>
    private int _schemaVersion;

    private void BeginStoreDay(ref Utf8JsonReader reader)
    {
        Push(FrameKind.StoreDay);
        _accumulator.Reset();
        (_storeId, _businessDateText, _transactionId, _transactionIdLength) = (null, null, null, -1);
        (_storeIdValid, _businessDate, _currency, _timeZone, _schemaVersion) = (false, null, null, null, 0);
        (_exportedAt, _action, _storeDayStart) = (null, StoreDayAction.Merge, TokenOffset(ref reader));
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
            case UploadField.ExportedAt:
                ReadExportedAt(ref reader);
                break;
            case UploadField.Action:
                ReadAction(ref reader);
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
            if (version == UploadLimits.SchemaVersion && (_frames[_depth].Seen & Version2Fields) != 0)
            {
                ReportNeedsVersion2(ref reader, (_frames[_depth].Seen & (1u << (int)UploadField.ExportedAt)) != 0 ? UploadField.ExportedAt : UploadField.Action);
            }

            return;
        }

        Report(ref reader, UploadProblemCodes.UnsupportedSchemaVersion,
               $"'schema_version' must be {UploadLimits.SchemaVersion} or {UploadLimits.ReturnsSchemaVersion} (with returns), found {Found(ref reader)}.", null);
    }

    /// <summary><c>exported_at</c>: when the store's system wrote the store-day, with an offset, not in the future.</summary>
    private void ReadExportedAt(ref Utf8JsonReader reader)
    {
        CheckVersion2(ref reader, UploadField.ExportedAt);
        if (!Expect(ref reader, JsonTokenType.String, UploadField.ExportedAt))
        {
            return;
        }

        if (!(!reader.ValueIsEscaped && Utf8Timestamp.TryParse(reader.ValueSpan, out var exportedAt)) && !TryGetDateTimeOffset(ref reader, out exportedAt))
        {
            Report(ref reader, UploadProblemCodes.InvalidTimestamp,
                   $"'exported_at' must be an ISO 8601 date and time with an offset (2025-01-15T21:05:00-05:00), found {Found(ref reader)}.", null);
            return;
        }

        if (!HasExplicitOffset(Unescape(ref reader)))
        {
            Report(ref reader, UploadProblemCodes.TimestampWithoutOffset, $"'exported_at' must end with an offset such as -05:00 or Z, found {Found(ref reader)}.", null);
            return;
        }

        if (exportedAt > _latestTimestamp)
        {
            Report(ref reader, UploadProblemCodes.FutureTimestamp,
                   $"'exported_at' {Found(ref reader)} is in the future (later than {_latestTimestamp.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).", null);
            return;
        }

        _exportedAt = exportedAt;
    }

    /// <summary><c>action</c>: <c>merge</c> (the default), <c>replace</c> or <c>withdraw</c>.</summary>
    private void ReadAction(ref Utf8JsonReader reader)
    {
        CheckVersion2(ref reader, UploadField.Action);
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Action))
        {
            return;
        }

        var value = Unescape(ref reader);
        if (value.SequenceEqual("merge"u8))
        {
            _action = StoreDayAction.Merge;
        }
        else if (value.SequenceEqual("replace"u8))
        {
            _action = StoreDayAction.Replace;
        }
        else if (value.SequenceEqual("withdraw"u8))
        {
            _action = StoreDayAction.Withdraw;
        }
        else
        {
            Report(ref reader, UploadProblemCodes.InvalidAction, $"'action' must be \"merge\", \"replace\" or \"withdraw\", found {Found(ref reader)}.", null);
        }
    }

    private void CheckVersion2(ref Utf8JsonReader reader, UploadField field)
    {
        if (_schemaVersion == UploadLimits.SchemaVersion)
        {
            ReportNeedsVersion2(ref reader, field);
        }
    }

    private void ReportNeedsVersion2(ref Utf8JsonReader reader, UploadField field) =>
        Report(ref reader, UploadProblemCodes.FieldNeedsVersion2,
               $"'{UploadFieldNames.Name(field)}' needs schema_version {UploadLimits.ReturnsSchemaVersion}; this store-day is version {UploadLimits.SchemaVersion}.", null);

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
        var empty = _accumulator.Transactions == 0 && _accumulator.Returns == 0;
        if (_action == StoreDayAction.Withdraw && !empty)
        {
            _frames[_depth].Pending = UploadField.None;
            Report(ref reader, UploadProblemCodes.WithdrawalWithReceipts,
                   "A withdrawn store-day (\"action\": \"withdraw\") carries no transaction or return: it removes what earlier files sent.", null);
        }

        if (v2 && empty && _action != StoreDayAction.Withdraw)
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
            _completed.Add(_accumulator.Build(_sourceKey, _storeId!, _businessDate!.Value, _currency!, totals) with
            {
                ExportedAt = _exportedAt,
                Action = _action,
                Start = _storeDayStart,
                Length = TokenOffset(ref reader) + 1 - _storeDayStart,
            });
        }
    }
}
