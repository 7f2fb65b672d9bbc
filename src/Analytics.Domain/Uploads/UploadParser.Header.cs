using System.Globalization;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The store-day header fields: store id, business date, currency and time zone.</summary>
internal sealed partial class UploadParser
{
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
        if (_owningStoreId is not null && !string.Equals(_storeId, _owningStoreId, StringComparison.Ordinal))
        {
            Report(ref reader, UploadProblemCodes.StoreMismatch,
                   $"'store_id' must be \"{_owningStoreId}\", the store whose folder {UploadKeys.UploadsPrefix}{_owningStoreId}/ holds "
                   + $"this file, found {Found(ref reader)}.", null);
        }

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

        if (date < UploadLimits.EarliestBusinessDate)
        {
            Report(ref reader, UploadProblemCodes.BusinessDateTooEarly,
                   $"'business_date' {_businessDateText} is before {UploadLimits.EarliestBusinessDate:yyyy-MM-dd}, the earliest business date this system holds.", null);
            return;
        }

        _businessDate = date;
        CheckDuplicateStoreDay(ref reader);
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

        if (TimeZones.Find(new string(_chars, 0, length)) is not { } zone)
        {
            Report(ref reader, UploadProblemCodes.UnknownTimeZone,
                   $"'time_zone' must be an IANA time zone id such as America/New_York, found {Found(ref reader)}.", null);
            return;
        }

        _timeZone = zone;
        _zoneClock.Use(zone);
    }
}
