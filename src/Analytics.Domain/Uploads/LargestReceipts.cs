using Analytics.Domain.Sales;

namespace Analytics.Domain.Uploads;

/// <summary>
/// The <see cref="StoreDaySummary.MaxLargestReceipts"/> largest receipts of one kind (sales or returns) of the store-day
/// being read, largest first; of equal amounts the earlier stays ahead. A receipt's id string is made only when it
/// enters, so a day of many small receipts allocates nothing here.
/// </summary>
internal sealed class LargestReceipts
{
    private readonly Candidate[] _kept = new Candidate[StoreDaySummary.MaxLargestReceipts];
    private int _count;

    public void Clear()
    {
        Array.Clear(_kept);
        _count = 0;
    }

    /// <summary>Whether a receipt of <paramref name="amount"/> (in <see cref="MoneyTicks"/>) would be kept.</summary>
    public bool Admits(Int128 amount) => _count < _kept.Length || amount > _kept[_count - 1].Amount;

    /// <summary>Keeps the receipt if it is among the largest so far (see <see cref="Admits"/>).</summary>
    public void Offer(in Candidate receipt)
    {
        if (!Admits(receipt.Amount))
        {
            return;
        }

        var at = Math.Min(_count, _kept.Length - 1);
        while (at > 0 && receipt.Amount > _kept[at - 1].Amount)
        {
            _kept[at] = _kept[at - 1];
            at--;
        }

        _kept[at] = receipt;
        _count = Math.Min(_count + 1, _kept.Length);
    }

    public List<ReceiptSummary> Build()
    {
        var receipts = new List<ReceiptSummary>(_count);
        for (var i = 0; i < _count; i++)
        {
            ref readonly var kept = ref _kept[i];
            var top = kept.TopSku!;
            var unitPrice = kept.TopQuantity == 0 ? 0m : MoneyTicks.ToDecimal(kept.TopGross / kept.TopQuantity);
            receipts.Add(new ReceiptSummary(kept.Id!, kept.Timestamp, MoneyTicks.ToDecimal(kept.Amount), kept.Units, kept.Lines,
                                            new ReceiptLine(top.Sku, top.Name, top.Category, kept.TopQuantity, unitPrice,
                                                            MoneyTicks.ToDecimal(kept.TopAmount)),
                                            MoneyTicks.ToDecimal(kept.TopCategoryAmount)));
        }

        return receipts;
    }

    /// <summary>A closed receipt; amounts in <see cref="MoneyTicks"/>, the top line's gross being quantity × unit price.</summary>
    internal struct Candidate
    {
        public Int128 Amount;
        public string? Id;
        public DateTimeOffset Timestamp;
        public long Units;
        public int Lines;
        public SkuEntry? TopSku;
        public CategoryEntry? TopCategory;
        public Int128 TopCategoryAmount;
        public long TopQuantity;
        public long TopGross;
        public long TopAmount;
    }
}
