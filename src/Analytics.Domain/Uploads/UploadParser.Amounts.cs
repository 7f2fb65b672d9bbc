using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>Prices and discounts: exact amounts in ticks, signs, decimal places, and the discount against the line total.</summary>
internal sealed partial class UploadParser
{
    /// <summary>Reads a non-negative amount with at most 4 decimal places as ticks; null after reporting a problem.</summary>
    private long? ReadMoney(ref Utf8JsonReader reader, UploadField field, string negativeCode, string preciseCode)
    {
        if (!Expect(ref reader, JsonTokenType.Number, field))
        {
            return null;
        }

        bool negative;
        bool exact;
        long ticks;
        if (Utf8Decimal.TryParsePlain(reader.ValueSpan, out var mantissa, out var scale, out negative))
        {
            negative &= mantissa != 0;
            exact = MoneyTicks.TryFromParts(mantissa, scale, out ticks);
        }
        else if (reader.TryGetDecimal(out var amount))
        {
            negative = amount < 0m;
            exact = MoneyTicks.TryFromDecimal(decimal.Abs(amount), out ticks);
        }
        else
        {
            ReportMoney(ref reader, UploadProblemCodes.NumberOutOfRange, field);
            return null;
        }

        if (negative || !exact)
        {
            ReportMoney(ref reader, negative ? negativeCode : preciseCode, field);
            return null;
        }

        return ticks;
    }

    private void ReportMoney(ref Utf8JsonReader reader, string code, UploadField field)
    {
        var name = UploadFieldNames.Name(field);
        var message = code == UploadProblemCodes.NumberOutOfRange ? $"'{name}' is not a representable amount, found {Found(ref reader)}."
            : code is UploadProblemCodes.NegativePrice or UploadProblemCodes.NegativeDiscount ? $"'{name}' must not be negative, found {Found(ref reader)}."
            : $"'{name}' must have at most {UploadLimits.MaxDecimalPlaces} decimal places, found {Found(ref reader)}.";
        Report(ref reader, code, message, null);
    }

    private void ReadUnitPrice(ref Utf8JsonReader reader)
    {
        _itemPrice = ReadMoney(ref reader, UploadField.UnitPrice, UploadProblemCodes.NegativePrice, UploadProblemCodes.PriceTooPrecise);
        if (_itemPrice > (long)UploadLimits.MaxUnitPrice * MoneyTicks.PerUnit)
        {
            ReportPriceTooLarge(ref reader);
            _itemPrice = null;
        }
    }

    private void ReportPriceTooLarge(ref Utf8JsonReader reader) =>
        Report(ref reader, UploadProblemCodes.PriceTooLarge, $"'unit_price' must be at most {UploadLimits.MaxUnitPrice}, found {Found(ref reader)}.", null);

    private void ReadDiscount(ref Utf8JsonReader reader)
    {
        _itemDiscount = ReadMoney(ref reader, UploadField.Discount, UploadProblemCodes.NegativeDiscount, UploadProblemCodes.DiscountTooPrecise);
        if (_itemDiscount is not > 0)
        {
            return;
        }

        if (_itemQuantity > 0 && _itemPrice is { } price)
        {
            if (!CheckDiscount(_itemQuantity * price, TokenOffset(ref reader)))
            {
                _itemDiscount = null;
            }

            return;
        }

        // Quantity or price comes later: the check waits for the end of the item, so keep where the discount was.
        _itemDiscountDeferred = true;
        if (_problems.Accepting)
        {
            _itemDiscountLocation = _tracker.Locate(_buffer, TokenOffset(ref reader));
        }
    }

    /// <summary>Whether the discount is at most <paramref name="gross"/> (ticks); reports it at <paramref name="offset"/>
    /// (or, when -1, at the location kept by <see cref="ReadDiscount"/>) when it is not.</summary>
    private bool CheckDiscount(long gross, long offset)
    {
        if (_itemDiscount <= gross)
        {
            return true;
        }

        var discount = _itemDiscount is { } ticks && ticks < MoneyTicks.Beyond ? MoneyTicks.ToDecimal(ticks).ToString(System.Globalization.CultureInfo.InvariantCulture) : "(too large)";
        var message = $"'discount' {discount} is more than the line total {MoneyTicks.ToDecimal(gross)} (quantity × unit_price); the discount is for the whole line.";
        if (offset >= 0)
        {
            Report(UploadProblemCodes.DiscountExceedsLine, message, offset, "discount");
        }
        else if (_itemDiscountLocation is { } location)
        {
            Report(UploadProblemCodes.DiscountExceedsLine, message, location, "discount");
        }
        else
        {
            _problems.Count();
        }

        return false;
    }
}
