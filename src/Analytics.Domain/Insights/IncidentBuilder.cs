using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// Groups one day's anomalies into <see cref="Incident"/>s, one per cause, and weighs them in money. In order:
/// <list type="number">
/// <item><b>Orders.</b> Each kept large receipt (<see cref="StoreDaySummary.LargestSales"/>), largest first, claims the
/// revenue and basket surges it explains: the chain's, its store's, and its largest line's category's (by the receipt's
/// amount in that category) figure would be
/// at most the top of its expected range without it (and a basket surge beside a revenue surge it explains). A
/// receipt that explains one, or is at least
/// <see cref="OrderShareOfChainDay"/> of the chain's day, is an incident of its own; it is material only when it is
/// that share, or out of its store's ordinary (<see cref="UnusualOrder.OutOfTheOrdinary"/>) and above the floor: at a
/// wholesaler, the day's big order that lifts a category's basket is an ordinary order, not news.</item>
/// <item><b>Stores and categories.</b> The rest of a store's or a category's anomalies are one incident. A category's
/// basket anomaly that only repeats its revenue anomaly (same direction) goes. A category whose movement one store
/// drives (at least <see cref="DrivingShare"/> % of it) joins that store's incident when it moved the same way, or the
/// incident of the order that explains the store's movement: an order's lines lift the store's other categories too.</item>
/// <item><b>The chain.</b> A chain anomaly joins the incident of the store or category that drives it (at least
/// <see cref="DrivingShare"/> %) when there is one; the others are one chain incident.</item>
/// </list>
/// Money effect (<see cref="Incident.Impact"/>) of a facet: revenue, |value − median|; basket, its change × the
/// day's transactions; transactions, their change × the day's basket; return rate, its change × the day's net sales;
/// an order, the largest of its facets' (its amount when it moved no figure out of range). Incidents are ranked by
/// severity, orders first, then money.
/// </summary>
internal sealed class IncidentBuilder
{
    /// <summary>An order at least this many times its store's usual largest order (3) is out of the ordinary; a smaller
    /// one that explains figures still claims them, but as an ordinary order of that store it is not material.</summary>
    public const decimal OrderOutlierFactor = 3m;

    /// <summary>An order this share of the chain's net sales (50 %) is an incident even if no figure left its range.</summary>
    public const decimal OrderShareOfChainDay = 0.5m;

    /// <summary>An order this share of the chain's day (50 %) is high: the day's figures are mostly that order, so verify
    /// it before anyone acts on them. A smaller one is medium whatever the figures it moved (they are its, not news).</summary>
    public const decimal HighOrderShare = 0.5m;

    /// <summary>An incident below this share of the chain's usual daily net revenue (5 %) is not material: listed in the
    /// report, not a headline of the e-mail; unless it is a store's high drop of at least <see cref="StoreDropShare"/>
    /// of its own usual day (a store closed or at half its sales is a matter for the chain at any size).</summary>
    public const decimal MaterialShare = 0.05m;

    /// <summary>A store's high drop this share of its own usual day (30 %) is material whatever the store's size.</summary>
    public const decimal StoreDropShare = 0.30m;

    /// <summary>A high drop makes its incident high from this share of the chain's usual day (25 %).</summary>
    public const decimal HighImpactShare = 0.25m;

    /// <summary>A high surge makes its incident high from this share of the chain's usual day (100 %): a good day needs
    /// no one to act at once, so it must be a whole usual day more to be high. On the real data set (noise benchmark,
    /// sales only) half a day made 58 of 283 findings high (20.5 %), most of them the big store's good days; a whole
    /// day makes 40 (14.1 %).</summary>
    public const decimal HighSurgeShare = 1.0m;

    /// <summary>A contributor with at least this share (%) of a movement drives it.</summary>
    public const decimal DrivingShare = 50m;

    private readonly DetectionScope _scope;
    private readonly ChainDaySummary _chain;
    private readonly decimal _usualChainDay;
    private readonly List<Group> _groups = [];

    /// <param name="usualChainDay">The chain's median net revenue on the baseline days.</param>
    public IncidentBuilder(DetectionScope scope, ChainDaySummary chain, decimal usualChainDay) =>
        (_scope, _chain, _usualChainDay) = (scope, chain, usualChainDay);

    public IReadOnlyList<Incident> Build(IReadOnlyList<Anomaly> anomalies)
    {
        List<Anomaly> remaining = [.. anomalies];
        ClaimOrders(remaining);
        foreach (var subject in (ReadOnlySpan<AnomalySubject>)[AnomalySubject.Store, AnomalySubject.Category])
        {
            foreach (var facets in remaining.Where(a => a.Subject == subject).GroupBy(a => a.SubjectId, StringComparer.Ordinal))
            {
                var cause = subject == AnomalySubject.Store ? IncidentCause.Store : IncidentCause.Category;
                _groups.Add(new Group(cause, facets.Key, [.. subject == AnomalySubject.Category ? WithoutRepeatedBasket([.. facets]) : facets]));
            }
        }

        MergeCategoriesIntoDrivingStores();
        foreach (var anomaly in remaining.Where(a => a.Subject == AnomalySubject.Chain))
        {
            var driver = DrivenBy(anomaly);
            if (driver is not null)
            {
                driver.Facets.Add(anomaly);
            }
            else if (_groups.FirstOrDefault(g => g.Cause == IncidentCause.Chain) is { } chain)
            {
                chain.Facets.Add(anomaly);
            }
            else
            {
                _groups.Add(new Group(IncidentCause.Chain, Anomaly.ChainId, [anomaly]));
            }
        }

        return
        [
            .. _groups.Select(ToIncident)
                .OrderByDescending(i => i.Severity).ThenBy(i => i.Cause == IncidentCause.Order ? 0 : 1)
                .ThenByDescending(i => i.Impact).ThenBy(i => i.Cause).ThenBy(i => i.CauseId, StringComparer.Ordinal),
        ];
    }

    private void ClaimOrders(List<Anomaly> remaining)
    {
        var receipts = _scope.Stores.Values.Where(s => s.TodaySummary is not null)
            .SelectMany(s => s.TodaySummary!.LargestSales.Select(r => (Store: s, Receipt: r)))
            .OrderByDescending(r => r.Receipt.Amount).ThenBy(r => r.Store.StoreId, StringComparer.Ordinal).ThenBy(r => r.Receipt.Id, StringComparer.Ordinal);
        foreach (var (store, receipt) in receipts)
        {
            List<Anomaly> explained = [.. remaining.Where(a => Explains(store, receipt, a))];
            // A basket surge beside a revenue surge the order explains is the same movement.
            explained.AddRange(remaining.Where(a => a.Metric == AnomalyMetric.AverageBasket && !explained.Contains(a) && Direction(a) > 0
                && explained.Any(r => r.Metric == AnomalyMetric.NetRevenue && r.Subject == a.Subject && r.SubjectId == a.SubjectId)));
            var shareOfChain = Share(receipt.Amount, _chain.Totals.NetSales);
            if (explained.Count == 0 && shareOfChain < OrderShareOfChainDay)
            {
                continue;
            }

            remaining.RemoveAll(explained.Contains);
            var usual = store.PastDays.Count == 0 ? 0m : RobustBaseline.MedianOf([.. store.PastDays.Select(d => d.Totals.NetRevenue)]);
            List<decimal> largest = [.. store.PastDays.Where(d => d.LargestSales.Count > 0).Select(d => d.LargestSales[0].Amount)];
            var order = new UnusualOrder(store.StoreId, receipt, Share(receipt.Amount, store.TodaySummary!.Totals.NetSales), shareOfChain, usual,
                                         largest.Count >= AnomalyDetector.MinimumHistory ? RobustBaseline.MedianOf([.. largest]) : null);
            _groups.Add(new Group(IncidentCause.Order, receipt.Id, explained) { Order = order });
        }
    }

    /// <summary>Whether <paramref name="anomaly"/> is a surge the receipt explains: without it, the figure would be at
    /// most the top of its expected range.</summary>
    private bool Explains(StoreBaseline store, ReceiptSummary receipt, Anomaly anomaly)
    {
        if (anomaly.Value <= anomaly.Median || anomaly.Metric is not (AnomalyMetric.NetRevenue or AnomalyMetric.AverageBasket))
        {
            return false;
        }

        var (figures, amount) = anomaly.Subject switch
        {
            AnomalySubject.Chain => (AnomalyDetector.Figures(_chain.Totals), receipt.Amount),
            AnomalySubject.Store when anomaly.SubjectId == store.StoreId => (store.Today, receipt.Amount),
            AnomalySubject.Category when anomaly.SubjectId == receipt.TopLine.Category =>
                (AnomalyDetector.CategoryFigures(_chain.Categories, anomaly.SubjectId), receipt.TopCategoryAmount),
            _ => (DayFigures.None, 0m),
        };
        if (amount <= 0m)
        {
            return false;
        }

        var without = anomaly.Metric == AnomalyMetric.NetRevenue
            ? figures.NetRevenue - amount
            : figures.Transactions <= 1 ? 0m : (figures.NetRevenue - amount) / (figures.Transactions - 1);
        return without <= anomaly.ExpectedHigh;
    }

    /// <summary>A category's facets without a basket anomaly that repeats its revenue anomaly.</summary>
    private static IEnumerable<Anomaly> WithoutRepeatedBasket(List<Anomaly> facets) =>
        facets.Where(a => a.Metric != AnomalyMetric.AverageBasket
                          || !facets.Any(r => r.Metric == AnomalyMetric.NetRevenue && Direction(r) == Direction(a)));

    private void MergeCategoriesIntoDrivingStores()
    {
        foreach (var category in _groups.Where(g => g.Cause == IncidentCause.Category).ToList())
        {
            var lead = category.Facets.OrderByDescending(Impact).First();
            if (lead.Contributors.FirstOrDefault(c => c.Kind == ContributorKind.Store) is { Share: >= DrivingShare } driver
                && _groups.FirstOrDefault(g => g.Cause is IncidentCause.Store or IncidentCause.Order
                                               && g.Facets.Any(f => f.Subject == AnomalySubject.Store && f.SubjectId == driver.Id
                                                                    && Direction(f) == Direction(lead))) is { } store)
            {
                store.Facets.AddRange(category.Facets);
                _groups.Remove(category);
            }
        }
    }

    /// <summary>The store or category incident (or an order of that store) that drives a chain anomaly the same way.</summary>
    private Group? DrivenBy(Anomaly chain)
    {
        foreach (var contributor in chain.Contributors.Where(c => c.Share >= DrivingShare && c.Kind != ContributorKind.Sku))
        {
            var subject = contributor.Kind == ContributorKind.Store ? AnomalySubject.Store : AnomalySubject.Category;
            if (_groups.FirstOrDefault(g => g.Facets.Any(f => f.Subject == subject && f.SubjectId == contributor.Id && Direction(f) == Direction(chain)))
                is { } group)
            {
                return group;
            }
        }

        return null;
    }

    private Incident ToIncident(Group group)
    {
        List<Anomaly> facets = [.. group.Facets.OrderByDescending(Impact).ThenByDescending(a => a.Severity).ThenBy(a => a.Subject).ThenBy(a => a.Metric)];
        var impact = facets.Count == 0 ? group.Order?.Receipt.Amount ?? 0m : facets.Max(Impact);
        var material = group.Order is { } ordered
            ? ordered.ShareOfChainDay >= OrderShareOfChainDay || (ordered.OutOfTheOrdinary && (_usualChainDay <= 0m || impact >= MaterialShare * _usualChainDay))
            : _usualChainDay <= 0m || impact >= MaterialShare * _usualChainDay || facets.Any(f => IsStoreDrop(f, StoreDropShare));
        var high = group.Order is { } order
            ? order.ShareOfChainDay >= HighOrderShare
            : (facets.FirstOrDefault() is { Severity: AnomalySeverity.High } lead
               && (_usualChainDay <= 0m || impact >= (Direction(lead) > 0 ? HighSurgeShare : HighImpactShare) * _usualChainDay))
              || facets.Any(f => IsStoreDrop(f, AnomalyDetector.LargeChange));
        var severity = !material ? AnomalySeverity.Low : high ? AnomalySeverity.High : AnomalySeverity.Medium;
        return new Incident(group.Cause, group.CauseId, severity, SalesMath.Round2(impact), material, facets, group.Order);
    }

    /// <summary>A store's high drop of at least <paramref name="share"/> of its usual day (its no-sales day too).</summary>
    private bool IsStoreDrop(Anomaly anomaly, decimal share) =>
        anomaly is { Subject: AnomalySubject.Store, Severity: AnomalySeverity.High } && anomaly.Value < anomaly.Median
        && _scope.Stores.TryGetValue(anomaly.SubjectId, out var store) && store.PastDays.Count > 0
        && Impact(anomaly) >= share * RobustBaseline.MedianOf([.. store.PastDays.Select(d => d.Totals.NetRevenue)]);

    /// <summary>The money effect of one anomaly (see the type's remarks), never negative.</summary>
    private decimal Impact(Anomaly anomaly)
    {
        var change = Math.Abs(anomaly.Value - anomaly.Median);
        var totals = TotalsOf(anomaly);
        return anomaly.Metric switch
        {
            AnomalyMetric.AverageBasket => change * (totals?.Transactions ?? 0),
            AnomalyMetric.Transactions => totals is { Transactions: > 0 } t ? change * t.NetRevenue / t.Transactions : 0m,
            AnomalyMetric.ReturnRate => change * (totals?.NetSales ?? 0m),
            _ => change,
        };
    }

    /// <summary>The day's figures of the anomaly's subject; null when it has none.</summary>
    private (decimal NetRevenue, int Transactions, decimal NetSales)? TotalsOf(Anomaly anomaly) => anomaly.Subject switch
    {
        AnomalySubject.Chain => (_chain.Totals.NetRevenue, _chain.Totals.Transactions, _chain.Totals.NetSales),
        AnomalySubject.Store => _scope.Stores.TryGetValue(anomaly.SubjectId, out var store) && store.TodaySummary?.Totals is { } t
            ? (t.NetRevenue, t.Transactions, t.NetSales) : null,
        _ => _chain.Categories.FirstOrDefault(c => c.Category == anomaly.SubjectId) is { } c ? (c.NetRevenue, c.Transactions, c.NetSales) : null,
    };

    private static int Direction(Anomaly anomaly) => Math.Sign(anomaly.Value - anomaly.Median);

    private static decimal Share(decimal part, decimal whole) => whole <= 0m ? 1m : decimal.Round(part / whole, 4, MidpointRounding.ToEven);

    /// <summary>An incident being built.</summary>
    private sealed class Group(IncidentCause cause, string causeId, List<Anomaly> facets)
    {
        public IncidentCause Cause { get; } = cause;
        public string CauseId { get; } = causeId;
        public List<Anomaly> Facets { get; } = facets;
        public UnusualOrder? Order { get; init; }
    }
}
