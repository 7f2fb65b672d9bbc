using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>Prices and discounts: exact decimals, signs, decimal places, and the discount against the line total.</summary>
internal sealed partial class UploadParser
{
    /// <summary>Reads a non-negative amount with at most 4 decimal places; null after reporting a problem.</summary>
    private decimal? ReadMoney(ref Utf8JsonReader reader, UploadField field, string negativeCode, string preciseCode)
    {
        if (!Expect(ref reader, JsonTokenType.Number, field))
        {
            return null;
        }

        var name = UploadFieldNames.Name(field);
        if (!Utf8Decimal.TryParsePlain(reader.ValueSpan, out var amount) && !reader.TryGetDecimal(out amount))
        {
            Report(ref reader, UploadProblemCodes.NumberOutOfRange, $"'{name}' is not a representable amount, found {Found(ref reader)}.", null);
            return null;
        }

        if (amount < 0m)
        {
            Report(ref reader, negativeCode, $"'{name}' must not be negative, found {Found(ref reader)}.", null);
            return null;
        }

        if (amount.Scale > UploadLimits.MaxDecimalPlaces && decimal.Round(amount, UploadLimits.MaxDecimalPlaces) != amount)
        {
            Report(ref reader, preciseCode,
                   $"'{name}' must have at most {UploadLimits.MaxDecimalPlaces} decimal places, found {Found(ref reader)}.", null);
            return null;
        }

        return amount;
    }

    private void ReadDiscount(ref Utf8JsonReader reader)
    {
        _itemDiscount = ReadMoney(ref reader, UploadField.Discount, UploadProblemCodes.NegativeDiscount, UploadProblemCodes.DiscountTooPrecise);
        if (_itemDiscount is not > 0m)
        {
            return;
        }

        if (_itemQuantity > 0 && _itemPrice is { } price)
        {
            if (!CheckDiscount(_itemQuantity * price, _tracker.BufferStart + reader.TokenStartIndex))
            {
                _itemDiscount = null;
            }

            return;
        }

        // Quantity or price comes later: the check waits for the end of the item, so keep where the discount was.
        _itemDiscountDeferred = true;
        if (_problems.Accepting)
        {
            _itemDiscountLocation = _tracker.Locate(_buffer, _tracker.BufferStart + reader.TokenStartIndex);
        }
    }

    private bool CheckDiscount(decimal gross, long offset)
    {
        if (_itemDiscount <= gross)
        {
            return true;
        }

        var message = $"'discount' {_itemDiscount} is more than the line total {gross} (quantity × unit_price); the discount is for the whole line.";
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
