using System.Text;
using System.Text.Json;

namespace Analytics.Domain.Uploads;

/// <summary>The item level: SKU, name, category, quantity, price and discount, and adding the line.</summary>
internal sealed partial class UploadParser
{
    private const uint RequiredItemFields =
        (1u << (int)UploadField.Sku) | (1u << (int)UploadField.Name) | (1u << (int)UploadField.Category)
        | (1u << (int)UploadField.Quantity) | (1u << (int)UploadField.UnitPrice);

    private SkuEntry? _itemSku;
    private byte[]? _itemNewSkuUtf8;
    private int _itemNewSkuHash;
    private string? _itemNewSku;
    private string? _itemName;
    private byte[]? _itemNameUtf8;
    private CategoryEntry? _itemCategory;
    private long _itemQuantity;
    private long? _itemPrice;
    private long? _itemDiscount;
    private bool _itemDiscountDeferred;
    private UploadLocation? _itemDiscountLocation;

    private void BeginItem()
    {
        Push(FrameKind.Item);
        (_itemSku, _itemNewSkuUtf8, _itemNewSku, _itemName, _itemNameUtf8, _itemCategory) = (null, null, null, null, null, null);
        (_itemQuantity, _itemPrice, _itemDiscount, _itemDiscountDeferred, _itemDiscountLocation) = (0, null, 0, false, null);
    }

    private void ReadSku(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Sku))
        {
            return;
        }

        var text = Unescape(ref reader);
        _itemSku = _accumulator.FindSku(text, out _itemNewSkuHash);
        if (_itemSku is null && IsValidText(ref reader, text, UploadField.Sku, UploadLimits.SkuMaxLength))
        {
            _itemNewSkuUtf8 = text.ToArray();
            _itemNewSku = Encoding.UTF8.GetString(text);
        }
    }

    private void ReadName(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Name))
        {
            return;
        }

        // A known SKU keeps the name of its first line: the same bytes need no second check, other ones no string.
        var text = Unescape(ref reader);
        if (_itemSku is not null && text.SequenceEqual(_itemSku.NameUtf8))
        {
            return;
        }

        if (IsValidText(ref reader, text, UploadField.Name, UploadLimits.NameMaxLength) && _itemSku is null)
        {
            _itemNameUtf8 = text.ToArray();
            _itemName = Encoding.UTF8.GetString(text);
        }
    }

    private void ReadCategory(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.String, UploadField.Category))
        {
            return;
        }

        var text = Unescape(ref reader);
        _itemCategory = _accumulator.FindCategory(text, out var hash);
        if (_itemCategory is not null || !IsValidText(ref reader, text, UploadField.Category, UploadLimits.CategoryMaxLength))
        {
            return;
        }

        _itemCategory = _accumulator.AddCategory(text, hash, Encoding.UTF8.GetString(text));
        if (_accumulator.CategoryCount == UploadLimits.MaxCategoriesPerStoreDay + 1)
        {
            ReportTooMany(ref reader, UploadProblemCodes.TooManyCategories);
        }
    }

    private void ReadQuantity(ref Utf8JsonReader reader)
    {
        if (!Expect(ref reader, JsonTokenType.Number, UploadField.Quantity))
        {
            return;
        }

        if ((TryParseDigits(reader.ValueSpan, out var quantity) || reader.TryGetInt64(out quantity)) && quantity is > 0 and <= UploadLimits.MaxQuantity)
        {
            _itemQuantity = quantity;
            return;
        }

        ReportQuantity(ref reader);
    }

    /// <summary>A number token of 1–18 plain digits (the usual quantity) without the general parser.</summary>
    private static bool TryParseDigits(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > 18)
        {
            return false;
        }

        foreach (var b in text)
        {
            var digit = (uint)(b - '0');
            if (digit > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    private void ReportQuantity(ref Utf8JsonReader reader)
    {
        if (!reader.TryGetInt64(out var quantity))
        {
            var integral = reader.ValueSpan.IndexOfAny("."u8 + "eE"u8) < 0;
            Report(ref reader, integral ? UploadProblemCodes.QuantityTooLarge : UploadProblemCodes.QuantityNotInteger,
                   integral
                       ? $"'quantity' must be at most {UploadLimits.MaxQuantity}, found {Found(ref reader)}."
                       : $"'quantity' must be a positive integer written without a fraction or exponent, found {Found(ref reader)}.", null);
        }
        else if (quantity <= 0)
        {
            Report(ref reader, UploadProblemCodes.NonPositiveQuantity, $"'quantity' must be a positive integer, found {quantity}.", null);
        }
        else
        {
            Report(ref reader, UploadProblemCodes.QuantityTooLarge, $"'quantity' must be at most {UploadLimits.MaxQuantity}, found {quantity}.", null);
        }
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

        var sku = _itemSku;
        if (sku is null && _itemNewSkuUtf8 is not null && _itemName is not null)
        {
            sku = _accumulator.AddSku(_itemNewSkuUtf8, _itemNewSkuHash, _itemNewSku!, _itemName, _itemNameUtf8!, _itemCategory.Category);
        }

        if (sku is not null)
        {
            _accumulator.AddLine(sku, _itemCategory, _itemQuantity, gross, discount);
        }
    }
}
