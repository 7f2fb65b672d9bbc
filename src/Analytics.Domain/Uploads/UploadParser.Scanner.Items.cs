using System.Runtime.CompilerServices;
using System.Text;

namespace Analytics.Domain.Uploads;

/// <summary>The scanner's items, the same in a transaction and a return: read and checked first, added once the whole
/// transaction or return is known to be good (UploadParser.Scanner.cs).</summary>
internal sealed partial class UploadParser
{
    /// <summary>
    /// Reads a receipt's <c>"items":[…]</c> and the <c>}</c> that must follow (items are the last field) into
    /// <see cref="_scannedItems"/>; <paramref name="count"/> is how many.
    /// </summary>
    private int ScanItemsAndEnd(ReadOnlySpan<byte> data, int at, out int count)
    {
        at = Symbol(data, Key(data, at, "\"items\""u8), (byte)'[');
        count = 0;
        var newCategories = 0;
        while (at >= 0)
        {
            if (count == _scannedItems.Length)
            {
                Array.Resize(ref _scannedItems, count * 2);
            }

            at = ScanItem(data, Symbol(data, at, (byte)'{'), ref _scannedItems[count], ref newCategories);
            count++;
            if (at >= 0 && (at = SkipWhitespace(data, at)) < data.Length && data[at] == (byte)',')
            {
                at++;
                continue;
            }

            // The items array must end there, and then the receipt.
            return Symbol(data, Symbol(data, at, (byte)']'), (byte)'}');
        }

        return at;
    }

    /// <summary>
    /// Reads an item's fields and <c>}</c> (its <c>{</c> read already) into <paramref name="item"/>, checked as the state
    /// machine checks them. SKUs and categories new to the store-day are only looked up, not added.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)] // Its syntax helpers are inlined into it, within the JIT's budget.
    private int ScanItem(ReadOnlySpan<byte> data, int at, ref ScannedItem item, ref int newCategories)
    {
        at = Text(data, Key(data, at, "\"sku\""u8), out var skuStart, out var skuAscii);
        if (at < 0)
        {
            return at;
        }

        var skuText = data[skuStart..(at - 1)];
        var sku = _skus.Find(skuText, out var skuHash);
        if (sku is null && !IsPlainValidText(skuText, skuAscii, UploadLimits.SkuMaxLength))
        {
            return Mismatch;
        }

        // As the state machine: a known SKU keeps its first name, so the same name bytes need no check. They are
        // compared where they stand (the usual case), else the string is read and then compared.
        at = Key(data, Symbol(data, at, (byte)','), "\"name\""u8);
        int nameStart, nameLength;
        if (sku is { NamePlain: true } && IsTextAt(data, at, sku.NameUtf8, out var afterName))
        {
            (nameLength, at) = (sku.NameUtf8.Length, afterName);
            nameStart = at - 1 - nameLength;
        }
        else
        {
            at = Text(data, at, out nameStart, out var nameAscii);
            if (at < 0)
            {
                return at;
            }

            var nameText = data[nameStart..(at - 1)];
            nameLength = nameText.Length;
            if ((sku is null || !nameText.SequenceEqual(sku.NameUtf8)) && !IsPlainValidText(nameText, nameAscii, UploadLimits.NameMaxLength))
            {
                return Mismatch;
            }
        }

        // The category of the SKU's last line is tried first, where it stands: found, it needs no lookup.
        at = Key(data, Symbol(data, at, (byte)','), "\"category\""u8);
        int categoryStart, categoryLength;
        CategoryEntry? category;
        var categoryHash = 0;
        if (sku?.LastCategory is { PlainUtf8: { } lastCategory } last && IsTextAt(data, at, lastCategory, out var afterCategory))
        {
            (category, categoryLength, at) = (last, lastCategory.Length, afterCategory);
            categoryStart = at - 1 - categoryLength;
        }
        else
        {
            at = Text(data, at, out categoryStart, out var categoryAscii);
            if (at < 0)
            {
                return at;
            }

            var categoryText = data[categoryStart..(at - 1)];
            categoryLength = categoryText.Length;
            category = _categories.Find(categoryText, out categoryHash);
            if (category is null && (!IsPlainValidText(categoryText, categoryAscii, UploadLimits.CategoryMaxLength)
                                     || _accumulator.CategoryCount + ++newCategories > UploadLimits.MaxCategoriesPerStoreDay))
            {
                return Mismatch;
            }
        }

        at = NextNumber(data, at, "\"quantity\""u8, out var quantityStart);
        if (at < 0 || !TryParseDigits(data[quantityStart..at], out var quantity) || quantity is <= 0 or > UploadLimits.MaxQuantity)
        {
            return Failed(at);
        }

        at = NextNumber(data, at, "\"unit_price\""u8, out var priceStart);
        if (at < 0 || !MoneyTicks.TryParseShort(data[priceStart..at], out var price) || price > (long)UploadLimits.MaxUnitPrice * MoneyTicks.PerUnit)
        {
            return Failed(at);
        }

        var gross = quantity * price;
        long discount = 0;
        if ((at = SkipWhitespace(data, at)) < data.Length && data[at] == (byte)',')
        {
            at = Number(data, Key(data, at + 1, "\"discount\""u8), out var discountStart);
            if (at < 0 || !MoneyTicks.TryParseShort(data[discountStart..at], out discount) || discount > gross)
            {
                return Failed(at);
            }
        }

        at = Symbol(data, at, (byte)'}');
        if (at >= 0)
        {
            item = new ScannedItem
            {
                Sku = sku, Category = category, Quantity = quantity, Gross = gross, Discount = discount,
                SkuStart = skuStart, SkuLength = skuText.Length, SkuHash = skuHash, NameStart = nameStart, NameLength = nameLength,
                CategoryStart = categoryStart, CategoryLength = categoryLength, CategoryHash = categoryHash,
            };
        }

        return at;
    }

    /// <summary>Adds a scanned item's line, first adding its category and SKU when new (an earlier line of the same
    /// transaction may have added them since it was scanned).</summary>
    private void AddScannedItem(ReadOnlySpan<byte> data, ref ScannedItem item)
    {
        var category = item.Category;
        if (category is null)
        {
            var text = data.Slice(item.CategoryStart, item.CategoryLength);
            category = _categories.Find(text, out _) ?? _accumulator.AddCategory(text, item.CategoryHash, Encoding.UTF8.GetString(text));
        }

        var sku = item.Sku;
        if (sku is null)
        {
            var text = data.Slice(item.SkuStart, item.SkuLength);
            var name = data.Slice(item.NameStart, item.NameLength);
            sku = _skus.Find(text, out _)
                  ?? _accumulator.AddSku(text.ToArray(), item.SkuHash, Encoding.UTF8.GetString(text), Encoding.UTF8.GetString(name),
                                         name.ToArray(), category.Category);
        }

        sku.LastCategory = category;
        _accumulator.AddLine(sku, category, item.Quantity, item.Gross, item.Discount);
    }

    /// <summary>An item the scanner has read and checked, kept until its whole transaction is.</summary>
    private struct ScannedItem
    {
        public SkuEntry? Sku;
        public CategoryEntry? Category;
        public int SkuStart;
        public int SkuLength;
        public int SkuHash;
        public int NameStart;
        public int NameLength;
        public int CategoryStart;
        public int CategoryLength;
        public int CategoryHash;
        public long Quantity;
        public long Gross;
        public long Discount;
    }
}
