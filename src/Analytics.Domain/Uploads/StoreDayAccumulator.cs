using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>
/// Aggregates the store-day being read (its sales and, format v2, its returns) and builds its
/// <see cref="StoreDaySummary"/>. Lines go to the sales or the returns sums by whether the open receipt is a
/// transaction (<see cref="BeginTransaction"/>) or a return (<see cref="BeginReturn"/>). Holds only that store-day:
/// <see cref="Reset"/> clears it for the next one (keeping the dictionaries' capacity). Repeated SKUs, categories
/// and payment methods are looked up by their characters, so their strings are allocated once per store-day.
/// </summary>
internal sealed class StoreDayAccumulator
{
    private readonly Utf8KeyMap<SkuEntry> _skus = new();
    private readonly Utf8KeyMap<CategoryEntry> _categories = new();
    private readonly Utf8KeyMap<PaymentEntry> _payments = new();
    private readonly TransactionIdSet _transactionIds = new();
    private readonly TransactionIdSet _returnIds = new();
    private readonly HourBucket[] _hours = new HourBucket[24];
    private int _transactions;
    private int _returns;
    private bool _returnHasOriginal;
    private int _returnsWithoutOriginal;
    private Int128 _refundWithoutOriginal;
    private bool _inReturn;
    private int _transactionSequence;
    private long _transactionUnits;
    private Int128 _transactionNet;
    private LargestReceipts.Candidate _receipt;
    private readonly LargestReceipts _largestSales = new();
    private readonly LargestReceipts _largestReturns = new();

    public int Transactions => _transactions;
    public int Returns => _returns;

    /// <summary>The maps behind <see cref="FindSku"/>, <see cref="FindCategory"/> and <see cref="FindPaymentMethod"/>,
    /// for the parser's fast path to look up in directly (for lookups only: adding goes through this class).</summary>
    public Utf8KeyMap<SkuEntry> Skus => _skus;
    public Utf8KeyMap<CategoryEntry> Categories => _categories;
    public Utf8KeyMap<PaymentEntry> PaymentMethods => _payments;
    public int CategoryCount => _categories.Count;
    public int PaymentMethodCount => _payments.Count;

    public void Reset()
    {
        _skus.Clear();
        _categories.Clear();
        _payments.Clear();
        _transactionIds.Clear();
        _returnIds.Clear();
        Array.Clear(_hours);
        _transactions = 0;
        _returns = 0;
        _returnHasOriginal = false;
        _returnsWithoutOriginal = 0;
        _refundWithoutOriginal = 0;
        _inReturn = false;
        _transactionSequence = 0;
        _largestSales.Clear();
        _largestReturns.Clear();
    }

    /// <summary>Records a transaction id (its unescaped, valid UTF-8 bytes); false when the store-day already has it.</summary>
    public bool AddTransactionId(ReadOnlySpan<byte> transactionId) => _transactionIds.Add(transactionId);

    /// <summary>Whether the store-day has a transaction of this id (its unescaped, valid UTF-8 bytes).</summary>
    public bool HasTransactionId(ReadOnlySpan<byte> transactionId) => _transactionIds.Contains(transactionId);

    /// <summary>Records a return id; false when the store-day already has it (return ids are apart from transaction ids).</summary>
    public bool AddReturnId(ReadOnlySpan<byte> returnId) => _returnIds.Add(returnId);

    /// <summary>The SKU's entry, by the unescaped UTF-8 bytes of its id; null when the store-day has not had it.</summary>
    public SkuEntry? FindSku(ReadOnlySpan<byte> sku, out int hash) => _skus.Find(sku, out hash);

    /// <summary>Adds a SKU that <see cref="FindSku"/> did not find, with its first line's name and category.</summary>
    public SkuEntry AddSku(byte[] skuUtf8, int hash, string sku, string name, byte[] nameUtf8, string category)
    {
        var entry = new SkuEntry(sku, name, nameUtf8, category);
        _skus.Add(skuUtf8, hash, entry);
        return entry;
    }

    public CategoryEntry? FindCategory(ReadOnlySpan<byte> category, out int hash) => _categories.Find(category, out hash);

    public CategoryEntry AddCategory(ReadOnlySpan<byte> utf8, int hash, string category)
    {
        var key = utf8.ToArray();
        var entry = new CategoryEntry(category, key);
        _categories.Add(key, hash, entry);
        return entry;
    }

    public PaymentEntry? FindPaymentMethod(ReadOnlySpan<byte> method, out int hash) => _payments.Find(method, out hash);

    public PaymentEntry AddPaymentMethod(ReadOnlySpan<byte> utf8, int hash, string method)
    {
        var entry = new PaymentEntry(method);
        _payments.Add(utf8.ToArray(), hash, entry);
        return entry;
    }

    public void BeginTransaction()
    {
        _inReturn = false;
        _transactionSequence++;
        _transactionUnits = 0;
        _transactionNet = 0;
        _receipt = default;
    }

    /// <summary>Opens a return: the lines until <see cref="EndReturn"/> are refunds.</summary>
    public void BeginReturn()
    {
        BeginTransaction();
        _inReturn = true;
        _returnHasOriginal = false;
    }

    /// <summary>The open return names its <c>original</c> sale: it is not counted among the refunds without one.</summary>
    public void NameOriginal() => _returnHasOriginal = true;

    /// <summary>
    /// Adds one item line to the open transaction or return; <paramref name="gross"/> (quantity × unit price) and
    /// <paramref name="discount"/> are in <see cref="MoneyTicks"/>. The store-day totals are not summed here but from
    /// the SKU entries in <see cref="Totals"/>: every line lands in exactly one.
    /// </summary>
    public void AddLine(SkuEntry sku, CategoryEntry category, long quantity, long gross, long discount)
    {
        if (_inReturn)
        {
            AddReturnLine(sku, category, quantity, gross, gross - discount);
            return;
        }

        sku.Units += quantity;
        sku.Lines++;
        sku.GrossTicks += gross;
        sku.DiscountTicks += discount;
        if (category.LastTransaction != _transactionSequence)
        {
            category.LastTransaction = _transactionSequence;
            category.Transactions++;
            category.ReceiptTicks = 0;
        }

        category.ReceiptTicks += gross - discount;

        category.Units += quantity;
        category.Lines++;
        category.GrossTicks += gross;
        category.DiscountTicks += discount;
        _transactionUnits += quantity;
        _transactionNet += gross - discount;
        NoteLine(sku, category, quantity, gross, gross - discount);
    }

    /// <summary>A returned line: <paramref name="refund"/> is its net (<paramref name="gross"/> less discount), in <see cref="MoneyTicks"/>.</summary>
    private void AddReturnLine(SkuEntry sku, CategoryEntry category, long quantity, long gross, long refund)
    {
        sku.UnitsReturned += quantity;
        sku.ReturnLines++;
        sku.ReturnTicks += refund;
        if (category.LastTransaction != _transactionSequence)
        {
            category.LastTransaction = _transactionSequence;
            category.ReturnTransactions++;
            category.ReceiptTicks = 0;
        }

        category.ReceiptTicks += refund;

        category.UnitsReturned += quantity;
        category.ReturnLines++;
        category.ReturnTicks += refund;
        _transactionUnits += quantity;
        _transactionNet += refund;
        NoteLine(sku, category, quantity, gross, refund);
    }

    /// <summary>Counts a line of the open receipt and keeps it when it is the receipt's largest so far.</summary>
    private void NoteLine(SkuEntry sku, CategoryEntry category, long quantity, long gross, long amount)
    {
        _receipt.Lines++;
        if (_receipt.TopSku is null || amount > _receipt.TopAmount)
        {
            (_receipt.TopSku, _receipt.TopCategory, _receipt.TopQuantity, _receipt.TopGross, _receipt.TopAmount) = (sku, category, quantity, gross, amount);
        }
    }

    /// <summary>Offers the receipt just closed to <paramref name="largest"/>, making its id's string only when kept.</summary>
    private void OfferReceipt(LargestReceipts largest, ReadOnlySpan<byte> id, DateTimeOffset timestamp)
    {
        if (_receipt.TopSku is null || !largest.Admits(_transactionNet))
        {
            return;
        }

        _receipt.Amount = _transactionNet;
        _receipt.TopCategoryAmount = _receipt.TopCategory!.ReceiptTicks;
        _receipt.Units = _transactionUnits;
        _receipt.Id = System.Text.Encoding.UTF8.GetString(id);
        _receipt.Timestamp = timestamp;
        largest.Offer(in _receipt);
    }

    /// <summary>Totals of the store-day read so far (summed over its SKUs).</summary>
    public SalesTotals Totals()
    {
        long units = 0;
        var lines = 0;
        Int128 gross = 0;
        Int128 discounts = 0;
        long unitsReturned = 0;
        var returnLines = 0;
        Int128 returns = 0;
        for (var i = 0; i < _skus.Count; i++)
        {
            var sku = _skus[i];
            units += sku.Units;
            lines += sku.Lines;
            gross += sku.GrossTicks;
            discounts += sku.DiscountTicks;
            unitsReturned += sku.UnitsReturned;
            returnLines += sku.ReturnLines;
            returns += sku.ReturnTicks;
        }

        return new SalesTotals(_transactions, units, lines, MoneyTicks.ToDecimal(gross), MoneyTicks.ToDecimal(discounts),
                               _returns, unitsReturned, returnLines, MoneyTicks.ToDecimal(returns));
    }

    /// <summary>Closes the open transaction: counts it, in <paramref name="hour"/> (0–23, or -1 when unknown) and
    /// under <paramref name="payment"/> (null when unknown), and keeps it when it is among the day's largest
    /// (<paramref name="id"/>, its valid UTF-8 bytes, and <paramref name="timestamp"/> are what is kept of it).</summary>
    public void EndTransaction(int hour, PaymentEntry? payment, ReadOnlySpan<byte> id, DateTimeOffset timestamp)
    {
        _transactions++;
        OfferReceipt(_largestSales, id, timestamp);
        if (hour >= 0)
        {
            ref var bucket = ref _hours[hour];
            bucket.Transactions++;
            bucket.Units += _transactionUnits;
            bucket.NetTicks += _transactionNet;
        }

        if (payment is not null)
        {
            payment.Transactions++;
            payment.NetTicks += _transactionNet;
        }
    }

    /// <summary>Closes the open return: counts it, in <paramref name="hour"/> (0–23, or -1 when unknown) and under
    /// <paramref name="payment"/>, the refund method (null when unknown), and keeps it as
    /// <see cref="EndTransaction"/> does.</summary>
    public void EndReturn(int hour, PaymentEntry? payment, ReadOnlySpan<byte> id, DateTimeOffset timestamp)
    {
        _inReturn = false;
        _returns++;
        if (!_returnHasOriginal)
        {
            _returnsWithoutOriginal++;
            _refundWithoutOriginal += _transactionNet;
        }

        OfferReceipt(_largestReturns, id, timestamp);
        if (hour >= 0)
        {
            ref var bucket = ref _hours[hour];
            bucket.ReturnTransactions++;
            bucket.UnitsReturned += _transactionUnits;
            bucket.ReturnTicks += _transactionNet;
        }

        if (payment is not null)
        {
            payment.ReturnTransactions++;
            payment.ReturnTicks += _transactionNet;
        }
    }

    /// <summary>The contribution of the store-day read so far.</summary>
    public StoreDayContribution Build(string sourceKey, string storeId, DateOnly businessDate, string currency, SalesTotals totals) => new(
        _transactionIds.ContributionId(_returnIds),
        sourceKey,
        new StoreDaySummary
        {
            StoreId = storeId,
            BusinessDate = businessDate,
            Currency = currency,
            Totals = totals,
            Hours = BuildHours(),
            Categories = StoreDaySummaryLists.Categories(_categories),
            PaymentMethods = StoreDaySummaryLists.PaymentMethods(_payments),
            Skus = StoreDaySummaryLists.Skus(_skus),
            LargestSales = _largestSales.Build(),
            LargestReturns = _largestReturns.Build(),
            ReturnTransactionsWithoutOriginal = _returnsWithoutOriginal,
            ReturnsWithoutOriginal = MoneyTicks.ToDecimal(_refundWithoutOriginal),
        });

    private List<HourSales> BuildHours()
    {
        var hours = new List<HourSales>();
        for (var hour = 0; hour < _hours.Length; hour++)
        {
            ref readonly var bucket = ref _hours[hour];
            if (bucket.Transactions > 0 || bucket.ReturnTransactions > 0)
            {
                hours.Add(new HourSales(hour, bucket.Transactions, bucket.Units, MoneyTicks.ToDecimal(bucket.NetTicks - bucket.ReturnTicks),
                                        bucket.ReturnTransactions, bucket.UnitsReturned, MoneyTicks.ToDecimal(bucket.ReturnTicks)));
            }
        }

        return hours;
    }
}
