using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The item level: SKU, name, category, quantity, price and discount, and adding the line.</summary>
internal sealed partial class UploadParser
{
    private const uint RequiredItemFields =
        (1u << (int)UploadField.Sku) | (1u << (int)UploadField.Name) | (1u << (int)UploadField.Category)
        | (1u << (int)UploadField.Quantity) | (1u << (int)UploadField.UnitPrice);

    private SkuEntry? _itemSku;
    private string? _itemNewSku;
    private string? _itemName;
    private CategoryEntry? _itemCategory;
    private long _itemQuantity;
    private decimal? _itemPrice;
    private decimal? _itemDiscount;
    private bool _itemDiscountDeferred;
    private UploadLocation? _itemDiscountLocation;

    private void BeginItem()
    {
        Push(FrameKind.Item);
        (_itemSku, _itemNewSku, _itemName, _itemCategory) = (null, null, null, null);
        (_itemQuantity, _itemPrice, _itemDiscount, _itemDiscountDeferred, _itemDiscountLocation) = (0, null, 0m, false, null);
    }

    private void OnItemValue(ref Utf8JsonReader reader, UploadField field)
    {
        switch (field)
        {
            case UploadField.Sku:
                ReadSku(ref reader);
                break;
            case UploadField.Name:
                ReadName(ref reader);
                break;
            case UploadField.Category:
                ReadCategory(ref reader);
                break;
            case UploadField.Quantity:
                ReadQuantity(ref reader);
                break;
            case UploadField.UnitPrice:
                _itemPrice = ReadMoney(ref reader, field, UploadProblemCodes.NegativePrice, UploadProblemCodes.PriceTooPrecise);
                if (_itemPrice > UploadLimits.MaxUnitPrice)
                {
                    Report(ref reader, UploadProblemCodes.PriceTooLarge,
                           $"'unit_price' must be at most {UploadLimits.MaxUnitPrice}, found {Found(ref reader)}.", null);
                    _itemPrice = null;
                }

                break;
            default:
                ReadDiscount(ref reader);
                break;
        }
    }

    private void ReadSku(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Sku))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.Sku, UploadLimits.SkuMaxLength);
        if (length >= 0)
        {
            var chars = _chars.AsSpan(0, length);
            _itemSku = _accumulator.FindSku(chars);
            _itemNewSku = _itemSku is null ? chars.ToString() : null;
        }
    }

    private void ReadName(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Name))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.Name, UploadLimits.NameMaxLength);
        // A known SKU keeps the name of its first line: no need to allocate this one.
        if (length >= 0)
        {
            _itemName = _itemSku is null ? new string(_chars, 0, length) : _itemSku.Name;
        }
    }

    private void ReadCategory(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Category))
        {
            return;
        }

        var length = ReadText(ref reader, UploadField.Category, UploadLimits.CategoryMaxLength);
        if (length < 0)
        {
            return;
        }

        _itemCategory = _accumulator.GetOrAddCategory(_chars.AsSpan(0, length), out var added);
        if (added && _accumulator.CategoryCount == UploadLimits.MaxCategoriesPerStoreDay + 1)
        {
            Report(ref reader, UploadProblemCodes.TooManyCategories,
                   $"Store-day has more than {UploadLimits.MaxCategoriesPerStoreDay} distinct categories; the store keeps at most that many.", null);
        }
    }

    private void ReadQuantity(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.Number, UploadField.Quantity))
        {
            return;
        }

        if (!reader.TryGetInt64(out var quantity))
        {
            var integral = reader.ValueSpan.IndexOfAny("."u8 + "eE"u8) < 0;
            Report(ref reader, integral ? UploadProblemCodes.QuantityTooLarge : UploadProblemCodes.QuantityNotInteger,
                   integral
                       ? $"'quantity' must be at most {UploadLimits.MaxQuantity}, found {Found(ref reader)}."
                       : $"'quantity' must be a positive integer written without a fraction or exponent, found {Found(ref reader)}.", null);
            return;
        }

        if (quantity <= 0)
        {
            Report(ref reader, UploadProblemCodes.NonPositiveQuantity, $"'quantity' must be a positive integer, found {quantity}.", null);
            return;
        }

        if (quantity > UploadLimits.MaxQuantity)
        {
            Report(ref reader, UploadProblemCodes.QuantityTooLarge, $"'quantity' must be at most {UploadLimits.MaxQuantity}, found {quantity}.", null);
            return;
        }

        _itemQuantity = quantity;
    }

    /// <summary>Reads a non-negative amount with at most 4 decimal places; null after reporting a problem.</summary>
    private decimal? ReadMoney(ref Utf8JsonReader reader, UploadField field, string negativeCode, string preciseCode)
    {
        if (!Expect(ref reader, JsonTokenType.Number, field))
        {
            return null;
        }

        var name = UploadFieldNames.Name(field);
        if (!reader.TryGetDecimal(out var amount))
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

    private void EndItem(ref Utf8JsonReader reader)
    {
        ReportMissing(ref reader, _frames[_depth].Seen, RequiredItemFields);
        if (_itemQuantity <= 0 || _itemPrice is not { } price || _itemCategory is null || _itemDiscount is not { } discount)
        {
            return;
        }

        var gross = _itemQuantity * price;
        if (_itemDiscountDeferred && !CheckDiscount(gross, -1))
        {
            return;
        }

        var sku = _itemSku ?? (_itemNewSku is null || _itemName is null ? null : _accumulator.AddSku(_itemNewSku, _itemName, _itemCategory.Category));
        if (sku is not null)
        {
            _accumulator.AddLine(sku, _itemCategory, _itemQuantity, gross, discount);
        }
    }
}
