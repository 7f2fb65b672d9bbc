using System.Globalization;
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
    private TimeZoneInfo? _timeZone;

    private void BeginStoreDay()
    {
        Push(FrameKind.StoreDay);
        _accumulator.Reset();
        (_storeId, _businessDateText, _transactionId) = (null, null, null);
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

    private void ReadStoreId(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.StoreId))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.StoreId, UploadLimits.StoreIdMaxLength);
        if (length < 0)
        {
            return;
        }

        _storeId = new string(_chars, 0, length);
        if (!IsValidStoreId(_storeId))
        {
            Report(ref reader, UploadProblemCodes.InvalidStoreId,
                   $"'store_id' must start with a letter or digit and hold only letters, digits, '.', '_' and '-', found {Found(ref reader)}.", null);
            return;
        }

        _storeIdValid = true;
        CheckDuplicateStoreDay(ref reader);
    }

    private static bool IsValidStoreId(string storeId)
    {
        if (!char.IsAsciiLetterOrDigit(storeId[0]))
        {
            return false;
        }

        foreach (var c in storeId)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    private void ReadBusinessDate(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.BusinessDate))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.BusinessDate, 64);
        if (length < 0)
        {
            return;
        }

        _businessDateText = new string(_chars, 0, length);
        if (!DateOnly.TryParseExact(_businessDateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Report(ref reader, UploadProblemCodes.InvalidBusinessDate,
                   $"'business_date' must be a date written YYYY-MM-DD, found {Found(ref reader)}.", null);
            return;
        }

        if (date > _latestBusinessDate)
        {
            Report(ref reader, UploadProblemCodes.FutureBusinessDate,
                   $"'business_date' {_businessDateText} is in the future: today is at most {_latestBusinessDate:yyyy-MM-dd} in any time zone.", null);
            return;
        }

        _businessDate = date;
        CheckDuplicateStoreDay(ref reader);
    }

    private void CheckDuplicateStoreDay(ref Utf8JsonReader reader)
    {
        if (_storeIdValid && _businessDate is { } date && !_storeDays.Add((_storeId!, date)))
        {
            Report(ref reader, UploadProblemCodes.DuplicateStoreDay,
                   $"Store-day {_storeId} {date:yyyy-MM-dd} appears more than once in this file; send one object per store and date.", null);
        }
    }

    private void ReadCurrency(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Currency))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.Currency, 16);
        if (length < 0)
        {
            return;
        }

        if (!Iso4217Currencies.IsActive(_chars.AsSpan(0, length)))
        {
            Report(ref reader, UploadProblemCodes.InvalidCurrency,
                   $"'currency' must be an active ISO 4217 code in upper case (such as USD, EUR, GBP), found {Found(ref reader)}.", null);
            return;
        }

        _currency = new string(_chars, 0, length);
    }

    private void ReadTimeZone(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.TimeZone))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.TimeZone, 64);
        if (length < 0)
        {
            return;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(new string(_chars, 0, length), out var zone))
        {
            Report(ref reader, UploadProblemCodes.UnknownTimeZone,
                   $"'time_zone' must be an IANA time zone id such as America/New_York, found {Found(ref reader)}.", null);
            return;
        }

        _timeZone = zone;
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

    private void ReportMissing(ref Utf8JsonReader reader, uint seen, uint required)
    {
        var missing = required & ~seen;
        for (var field = UploadField.SchemaVersion; missing != 0; field++)
        {
            var bit = 1u << (int)field;
            if ((missing & bit) != 0)
            {
                missing &= ~bit;
                var name = UploadFieldNames.Name(field);
                Report(ref reader, UploadProblemCodes.MissingField,
                       $"Required field '{name}' is missing from this {Describe(_frames[_depth].Kind)}.", name);
            }
        }
    }
}
