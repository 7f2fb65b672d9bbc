using System.Diagnostics.CodeAnalysis;
using Analytics.Domain.Metrics;
using Analytics.Domain.Sales;

namespace Analytics.Domain.Insights;

/// <summary>
/// DetectAnomalies: for the chain, each store and each category, net revenue, transactions and average basket of D
/// against a <see cref="RobustBaseline"/> of the same weekday over the previous <see cref="BaselineWeeks"/> weeks
/// (days without sales are left out, not counted as 0). A store that is expected to trade on D but made no sales is a
/// high-severity <see cref="AnomalyMetric.NoSales"/> anomaly: expected when it traded on every baseline day the chain
/// traded since its first sale in the baseline, at least <see cref="MinimumHistory"/> of them, and missed at most
/// <see cref="MaxMissedShare"/> of all recent days the chain traded. A store that often does not trade (the real data
/// set's small stores trade on 50–80 % of days) is not: its absence is ordinary, and a day the chain was closed says
/// nothing about a store.
/// A store with fewer same-weekday days is judged against its days before D, any weekday (a broader baseline), when
/// it has at least <see cref="MinimumHistory"/> of them.
/// <para>Eight points give a noisy MAD (it is often half the true spread), so a store's scale is also floored at the
/// median relative scale (scale / median) of all stores for that metric, and a category's at that of all categories:
/// peers pooled over thousands of points say how much a day usually wobbles, and a store's own history can only
/// widen that, not narrow it. Smaller peers wobble more: by sampling alone a day's relative spread falls like
/// 1 / √transactions, so a subject whose usual transactions are below its peers' median gets that floor widened by
/// √(peers' median transactions / its own) — a small store's unusual basket is not flagged for a wobble that is
/// ordinary at its size, and a subject above their median gets it narrowed by the same factor, so that small, erratic
/// peers never make a large store blind to its own drops (the real data set's big store, 85 % of the revenue, was
/// never found at half its sales before). A store whose count of transactions fell well below its recent level is a
/// volume drop (<see cref="VolumeDrop"/>): that finds the big store at half its trade on nearly every day.</para> Each anomaly names the parts
/// that explain it (<see cref="AnomalyContributor"/>). Pure; linear in stores × (baseline days + categories).
/// <para>Return rate (returns / net sales): a store or category whose rate on D is above its same-weekday baseline
/// (days with sales) by the same z and change rules is a <see cref="AnomalyMetric.ReturnRate"/> finding. Only a rise
/// counts (fewer refunds is no problem to act on); the scale is floored at <see cref="ReturnRateFloor"/> and D needs
/// at least <see cref="MinimumReturnTransactions"/> return transactions, so a couple of refunds at a small store are
/// not a finding. These findings have no contributors and lead to no recommendation of their own.</para>
/// </summary>
[SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "An injected domain service; steps depend on the instance.")]
public sealed class AnomalyDetector
{
    /// <summary>Same-weekday days of the baseline: D − 7 … D − 56.</summary>
    public const int BaselineWeeks = SalesHistoryPlan.BaselineWeeks;

    /// <summary>Fewest baseline days with sales for a subject to be judged (else "history too short").</summary>
    public const int MinimumHistory = 4;

    public const double HighZ = 3.5;
    public const double MediumZ = 2.5;

    /// <summary>A store that missed more than this share (10 %) of the recent days the chain traded is not expected on D.</summary>
    public const decimal MaxMissedShare = 0.10m;

    /// <summary>Fewest relative change against the median for <see cref="AnomalySeverity.High"/> (25 %).</summary>
    public const decimal HighChange = 0.25m;

    /// <summary>A change this large (40 %) is high from <see cref="MediumZ"/> on: a store at half its usual revenue
    /// matters even when its own history is noisy.</summary>
    public const decimal LargeChange = 0.40m;

    /// <summary>Fewest relative change against the median for <see cref="AnomalySeverity.Medium"/> (10 %).</summary>
    public const decimal MediumChange = 0.10m;

    /// <summary>Expected range half-width in scales: the medium z band.</summary>
    public const decimal RangeWidth = 2.5m;

    /// <summary>Fewest relative fall (30 %) of both revenue and transactions for a joint drop.</summary>
    public const decimal JointDropChange = 0.30m;

    /// <summary>Fewest robust z (in absolute value) of both revenue and transactions for a joint drop.</summary>
    public const double JointDropZ = 1.5;

    /// <summary>Fewest relative fall (30 %) of a store's transactions below its recent level for a volume drop.</summary>
    public const decimal VolumeDropChange = 0.30m;

    /// <summary>Fewest fall of a volume drop in the store's usual day-to-day spread (log scale).</summary>
    public const double VolumeDropZ = 1.0;

    /// <summary>Same weekdays (the last 4 weeks) that give a store's recent level for a volume drop.</summary>
    public const int RecentWeeks = 4;

    /// <summary>Fewest return transactions on D for a return-rate finding.</summary>
    public const int MinimumReturnTransactions = 5;

    /// <summary>Absolute floor of a return rate's scale: 2 percentage points, so a rate must be at least 5 points
    /// (<see cref="MediumZ"/> scales) above its usual to be a finding.</summary>
    public const decimal ReturnRateFloor = 0.02m;

    /// <summary>Most contributors listed per kind.</summary>
    public const int ContributorCount = 5;

    /// <exception cref="ArgumentException">As <see cref="CompanyMetricsCalculator.Calculate"/>.</exception>
    public AnomalyReport Detect(DateOnly date, IReadOnlyList<StoreDaySummary> day, SalesHistory history)
    {
        var chain = CompanyMetricsCalculator.ChainDayOf(date, day, history);
        var dates = history.SameWeekdays(BaselineWeeks);
        List<ChainDaySummary> chainPast = [.. dates.Select(history.ChainDay).OfType<ChainDaySummary>()];
        if (chainPast.Count < MinimumHistory)
        {
            return new AnomalyReport(date, dates, chainPast.Count, true,
                $"History too short: {chainPast.Count} of the {MinimumHistory} same-weekday days with sales needed; no anomaly is raised.",
                0, 0, 0, 0, [], Incidents: [], IncompleteDays: Insights.IncompleteDays.Find(day, history), LossFindings: LossPreventionFinder.Find(day, history));
        }

        var scope = new DetectionScope(date, day, history, dates);
        List<Anomaly> anomalies = [];
        foreach (var candidate in Evaluate(AnomalySubject.Chain, Anomaly.ChainId, Figures(chain.Totals), [.. chainPast.Select(c => Figures(c.Totals))]))
        {
            anomalies.Add(candidate with { Contributors = [.. scope.StoreContributors(candidate), .. scope.CategoryContributors(candidate)] });
        }

        var (storesChecked, storesShort) = DetectStores(scope, [.. chainPast.Select(c => c.BusinessDate)], anomalies);
        var (categoriesChecked, categoriesShort) = DetectCategories(chain, chainPast, scope, anomalies);
        var ranked = Rank(anomalies);
        var usualChainDay = RobustBaseline.MedianOf([.. chainPast.Select(c => c.Totals.NetRevenue)]);
        return new AnomalyReport(date, dates, chainPast.Count, false,
            $"Baseline: {chainPast.Count} same-weekday days with sales of the last {BaselineWeeks}.",
            storesChecked, storesShort, categoriesChecked, categoriesShort, ranked,
            Incidents: new IncidentBuilder(scope, chain, usualChainDay).Build(ranked),
            IncompleteDays: Insights.IncompleteDays.Find(day, history), LossFindings: LossPreventionFinder.Find(day, history));
    }

    /// <param name="chainTraded">The baseline dates on which the chain traded.</param>
    private static (int Checked, int Short) DetectStores(DetectionScope scope, IReadOnlyList<DateOnly> chainTraded, List<Anomaly> anomalies)
    {
        var (checkedCount, shortCount) = (0, 0);
        var pooled = PooledSpread(scope.Stores.Values.Where(s => s.Past.Count >= MinimumHistory).Select(s => s.Past));
        foreach (var store in scope.Stores.Values.OrderBy(s => s.StoreId, StringComparer.Ordinal))
        {
            if (store.Past.Count < MinimumHistory)
            {
                // Too few same weekdays: the days before D, any weekday, are a broader baseline (no contributors, as
                // those days are read without categories).
                List<DayFigures> broader = [.. RecentDays(store.StoreId, scope.History)];
                if (!store.TradedToday || broader.Count < MinimumHistory)
                {
                    shortCount++;
                    continue;
                }

                checkedCount++;
                anomalies.AddRange(Evaluate(AnomalySubject.Store, store.StoreId, store.Today, broader, pooled));
                continue;
            }

            checkedCount++;
            if (!store.TradedToday && !ExpectedToTrade(store.StoreId, [.. store.PastDays.Select(d => d.BusinessDate)], chainTraded, scope.History))
            {
                continue;
            }

            if (!store.TradedToday)
            {
                var baseline = RobustBaseline.Of([.. store.Past.Select(p => p.NetRevenue)], 1m);
                var (low, high) = baseline.Range(RangeWidth);
                anomalies.Add(new Anomaly(AnomalySubject.Store, store.StoreId, AnomalyMetric.NoSales, AnomalySeverity.High, 0m,
                                          baseline.Median, low, high, Math.Round(baseline.ZScore(0m), 2), SalesMath.PercentChange(0m, baseline.Median),
                                          baseline.Points, []));
                continue;
            }

            List<Anomaly> found = [.. Evaluate(AnomalySubject.Store, store.StoreId, store.Today, store.Past, pooled)];
            if ((VolumeDrop(store, scope.History.BusinessDate, found) ?? JointDrop(store, pooled, found)) is { } drop)
            {
                found.Add(drop);
            }

            foreach (var candidate in found)
            {
                anomalies.Add(candidate with { Contributors = DetectionScope.StoreCategoryContributors(store, candidate) });
            }

            var today = store.TodaySummary!.Totals;
            if (ReturnRateRise(AnomalySubject.Store, store.StoreId, today.ReturnTransactions, today.ReturnRate,
                               [.. store.PastDays.Where(d => d.Totals.NetSales > 0m).Select(d => d.Totals.ReturnRate)]) is { } rise)
            {
                anomalies.Add(rise);
            }
        }

        return (checkedCount, shortCount);
    }

    /// <summary>The store's figures on the loaded days before D (D − 1 … D − 27 when the history has them) it traded on.</summary>
    private static IEnumerable<DayFigures> RecentDays(string storeId, SalesHistory history)
    {
        for (var d = history.BusinessDate.AddDays(1 - SalesHistoryPlan.StoreTrendDays); d < history.BusinessDate; d = d.AddDays(1))
        {
            if (history.StoreDays(d).TryGetValue(storeId, out var day))
            {
                yield return Figures(day.Totals);
            }
        }
    }

    /// <summary>
    /// Whether a store is expected to trade on D: it traded on every baseline date the chain traded since its first
    /// sale in the baseline (<paramref name="storeTraded"/>, at least <see cref="MinimumHistory"/>), and it missed at
    /// most <see cref="MaxMissedShare"/> of every loaded date the chain traded since its first sale among them (the
    /// days before D as well as the same weekdays, when the history has them): a store that trades on two days in
    /// three is not expected on any one of them, however its Mondays happened to fall.
    /// </summary>
    private static bool ExpectedToTrade(string storeId, IReadOnlyList<DateOnly> storeTraded, IReadOnlyList<DateOnly> chainTraded, SalesHistory history)
    {
        var first = storeTraded.Min();
        if (storeTraded.Count < MinimumHistory || storeTraded.Count < chainTraded.Count(d => d >= first))
        {
            return false;
        }

        var (days, missed) = (0, 0);
        DateOnly? firstSale = null;
        for (var d = history.BusinessDate.AddDays(-SalesHistoryPlan.BaselineWeeks * 7); d < history.BusinessDate; d = d.AddDays(1))
        {
            if (!history.HasStoreDate(d) || history.ChainDay(d) is null)
            {
                continue;
            }

            var traded = history.StoreDays(d).ContainsKey(storeId);
            firstSale ??= traded ? d : null;
            if (firstSale is not null)
            {
                days++;
                missed += traded ? 0 : 1;
            }
        }

        return missed <= MaxMissedShare * days;
    }

    /// <summary>
    /// The stores expected to send a day for <paramref name="history"/>'s business date: those whose missing day would
    /// be a <see cref="AnomalyMetric.NoSales"/> finding (same rule), ordered by id. <paramref name="history"/> needs
    /// the chain days and store-days (totals suffice) of the baseline dates, as <see cref="Analysis.HistoryParts.StoreBaseline"/>
    /// loads them, and should have the days before D too (<see cref="Analysis.HistoryParts.StoreTrend"/>), which tell
    /// an intermittent store from a daily one.
    /// </summary>
    public IReadOnlyList<string> ExpectedStores(SalesHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var dates = history.SameWeekdays(BaselineWeeks);
        List<DateOnly> chainTraded = [.. dates.Where(d => history.ChainDay(d) is not null)];
        return
        [
            .. dates.SelectMany(d => history.StoreDays(d).Keys.Select(store => (Store: store, Date: d)))
                .GroupBy(s => s.Store, StringComparer.Ordinal)
                .Where(g => ExpectedToTrade(g.Key, [.. g.Select(s => s.Date)], chainTraded, history))
                .Select(g => g.Key).Order(StringComparer.Ordinal),
        ];
    }

    private static (int Checked, int Short) DetectCategories(ChainDaySummary chain, List<ChainDaySummary> chainPast, DetectionScope scope, List<Anomaly> anomalies)
    {
        var (checkedCount, shortCount) = (0, 0);
        var categories = CategoryNames(chain, chainPast)
            .Select(category => (category, Past: (IReadOnlyList<DayFigures>)[.. chainPast.Select(c => CategoryFigures(c.Categories, category))]))
            .ToList();
        var pooled = PooledSpread(categories.Where(c => c.Past.Count(p => p.NetRevenue != 0m) >= MinimumHistory).Select(c => c.Past));
        foreach (var (category, past) in categories)
        {
            var today = CategoryFigures(chain.Categories, category);
            if (past.Count(p => p.NetRevenue != 0m) < MinimumHistory)
            {
                shortCount++;
                continue;
            }

            checkedCount++;
            foreach (var candidate in Evaluate(AnomalySubject.Category, category, today, past, pooled))
            {
                anomalies.Add(candidate with { Contributors = [.. scope.CategoryStoreContributors(category, candidate), .. scope.SkuContributors(category, candidate)] });
            }

            if (chain.Categories.FirstOrDefault(c => c.Category == category) is { } sold &&
                ReturnRateRise(AnomalySubject.Category, category, sold.ReturnTransactions, sold.ReturnRate,
                               [.. chainPast.SelectMany(c => c.Categories).Where(c => c.Category == category && c.NetSales > 0m).Select(c => c.ReturnRate)]) is { } rise)
            {
                anomalies.Add(rise);
            }
        }

        return (checkedCount, shortCount);
    }

    private static readonly (AnomalyMetric Metric, decimal Floor)[] Metrics =
        [(AnomalyMetric.NetRevenue, 1m), (AnomalyMetric.Transactions, 1m), (AnomalyMetric.AverageBasket, 0.01m)];

    /// <summary>Per metric, the median over peers of their own relative scale (scale / |median|), 0 without peers;
    /// and the peers' median usual transactions.</summary>
    private static PeerSpread PooledSpread(IEnumerable<IReadOnlyList<DayFigures>> peers)
    {
        var spreads = Metrics.ToDictionary(m => m.Metric, _ => new List<decimal>());
        List<decimal> sizes = [];
        foreach (var past in peers)
        {
            sizes.Add(UsualTransactions(past));
            foreach (var (metric, floor) in Metrics)
            {
                List<decimal> points = [.. past.Select(p => p.Of(metric)).OfType<decimal>()];
                if (points.Count >= MinimumHistory && RobustBaseline.Of(points, floor) is { Median: not 0m } baseline)
                {
                    spreads[metric].Add(baseline.Scale / Math.Abs(baseline.Median));
                }
            }
        }

        return new PeerSpread(
            spreads.ToDictionary(p => p.Key, p => p.Value.Count == 0 ? 0m : RobustBaseline.MedianOf([.. p.Value])),
            sizes.Count == 0 ? 0m : RobustBaseline.MedianOf([.. sizes]));
    }

    private static decimal UsualTransactions(IReadOnlyList<DayFigures> past) =>
        past.Count == 0 ? 0m : RobustBaseline.MedianOf([.. past.Select(p => (decimal)p.Transactions)]);

    /// <summary>How peers usually wobble (relative scale per metric) and how big they usually are.</summary>
    private sealed record PeerSpread(Dictionary<AnomalyMetric, decimal> Relative, decimal MedianTransactions)
    {
        /// <summary>The relative floor for a subject of <paramref name="past"/>: the peers' spread scaled by
        /// √(peer size / own size), wider for a subject smaller than its peers and narrower for a larger one, so that
        /// small, erratic peers never make a large store blind to its own drops.</summary>
        public decimal FloorFor(AnomalyMetric metric, IReadOnlyList<DayFigures> past)
        {
            var relative = Relative.GetValueOrDefault(metric);
            var own = UsualTransactions(past);
            return own <= 0m || MedianTransactions <= 0m ? relative : relative * (decimal)Math.Sqrt((double)(MedianTransactions / own));
        }
    }

    /// <summary>Candidates (without contributors) for the three metrics of one subject.</summary>
    private static IEnumerable<Anomaly> Evaluate(
        AnomalySubject subject, string id, DayFigures today, IReadOnlyList<DayFigures> past, PeerSpread? pooled = null)
    {
        foreach (var (metric, floor) in Metrics)
        {
            var value = today.Of(metric);
            List<decimal> points = [.. past.Select(p => p.Of(metric)).OfType<decimal>()];
            if (value is null || points.Count < MinimumHistory)
            {
                continue;
            }

            var baseline = RobustBaseline.Of(points, floor, pooled?.FloorFor(metric, past) ?? 0m);
            var z = baseline.ZScore(value.Value);
            if (Severity(z, value.Value, baseline.Median) is { } severity)
            {
                var (low, high) = baseline.Range(RangeWidth);
                yield return new Anomaly(subject, id, metric, severity, value.Value, baseline.Median, low, high, Math.Round(z, 2),
                                         SalesMath.PercentChange(value.Value, baseline.Median), baseline.Points, []);
            }
        }
    }

    /// <summary>
    /// A store's revenue drop shown by revenue and transactions falling together: each at least
    /// <see cref="JointDropChange"/> below its median and <see cref="JointDropZ"/> scales, when neither alone was a drop.
    /// Two figures that fall together are stronger evidence than either alone; a large store's revenue swings with a
    /// few big orders, so its half day is often within its own spread on revenue alone. Medium, or high when both
    /// fell by <see cref="LargeChange"/>.
    /// </summary>
    private static Anomaly? JointDrop(StoreBaseline store, PeerSpread pooled, IReadOnlyList<Anomaly> found)
    {
        if (found.Any(a => a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions && a.Value < a.Median))
        {
            return null;
        }

        var past = store.Past;
        var today = store.Today;
        var revenue = RobustBaseline.Of([.. past.Select(p => p.NetRevenue)], 1m, pooled.FloorFor(AnomalyMetric.NetRevenue, past));
        var transactions = RobustBaseline.Of([.. past.Select(p => (decimal)p.Transactions)], 1m, pooled.FloorFor(AnomalyMetric.Transactions, past));
        if (revenue.Median <= 0m || transactions.Median <= 0m)
        {
            return null;
        }

        var (revenueZ, transactionsZ) = (revenue.ZScore(today.NetRevenue), transactions.ZScore(today.Transactions));
        var revenueChange = (today.NetRevenue - revenue.Median) / revenue.Median;
        var transactionsChange = (today.Transactions - transactions.Median) / transactions.Median;
        if (revenueZ > -JointDropZ || transactionsZ > -JointDropZ || revenueChange > -JointDropChange || transactionsChange > -JointDropChange)
        {
            return null;
        }

        var severity = revenueChange <= -LargeChange && transactionsChange <= -LargeChange ? AnomalySeverity.High : AnomalySeverity.Medium;
        var (low, high) = revenue.Range(RangeWidth);
        return new Anomaly(AnomalySubject.Store, store.StoreId, AnomalyMetric.NetRevenue, severity, today.NetRevenue, revenue.Median, low, high,
                           Math.Round(revenueZ, 2), SalesMath.PercentChange(today.NetRevenue, revenue.Median), revenue.Points, []);
    }

    /// <summary>
    /// A store's volume drop: its transactions at least <see cref="VolumeDropChange"/> below its recent level, the
    /// median of its same weekdays of the last <see cref="RecentWeeks"/> weeks (which follows a season's rise that the
    /// eight-week median lags: the real data set's big store does 60 % more transactions in November than in
    /// September), and at least <see cref="VolumeDropZ"/> of its usual spread below it on a log scale. That spread is
    /// the relative MAD of its eight same weekdays, floored at 1 / √level, the spread a count has by chance alone.
    /// Judged for a store of at least <see cref="IncompleteDays.MinimumUsualTransactions"/> usual transactions, when
    /// neither its revenue nor its transactions were already a drop: a few transactions more or less are chance at a
    /// smaller store. A count is the steadiest sign of lost trade: at a wholesaler one order can double a day's
    /// revenue, but not its transactions. On the real data set this finds the big store at half its transactions on
    /// 206 of 229 ordinary days, against 136 with revenue and transactions judged by their eight-week medians alone.
    /// Medium, or high when revenue fell by <see cref="LargeChange"/> against its recent level as well.
    /// </summary>
    private static Anomaly? VolumeDrop(StoreBaseline store, DateOnly date, IReadOnlyList<Anomaly> found)
    {
        if (found.Any(a => a.Metric is AnomalyMetric.NetRevenue or AnomalyMetric.Transactions && a.Value < a.Median))
        {
            return null;
        }

        var all = store.Past;
        List<DayFigures> recent = [.. store.PastDays.Where(d => d.BusinessDate >= date.AddDays(-7 * RecentWeeks)).Select(d => Figures(d.Totals))];
        if (recent.Count < RecentWeeks - 1)
        {
            recent = [.. all];
        }

        var level = RobustBaseline.MedianOf([.. recent.Select(p => (decimal)p.Transactions)]);
        var usual = RobustBaseline.Of([.. all.Select(p => (decimal)p.Transactions)], 1m, 0m);
        var today = store.Today;
        if (level < Insights.IncompleteDays.MinimumUsualTransactions || today.Transactions <= 0 || usual.Median <= 0m)
        {
            return null;
        }

        var spread = Math.Max((double)(usual.Mad * RobustBaseline.MadToSigma / usual.Median), 1 / Math.Sqrt((double)level));
        var z = Math.Log((double)(today.Transactions / level)) / spread;
        var change = (today.Transactions - level) / level;
        if (change > -VolumeDropChange || z > -VolumeDropZ)
        {
            return null;
        }

        var revenueLevel = RobustBaseline.MedianOf([.. recent.Select(p => p.NetRevenue)]);
        var severity = revenueLevel > 0m && today.NetRevenue <= (1m - LargeChange) * revenueLevel ? AnomalySeverity.High : AnomalySeverity.Medium;
        var (low, high) = (Math.Round(level * (decimal)Math.Exp(-(double)RangeWidth * spread), 2), Math.Round(level * (decimal)Math.Exp((double)RangeWidth * spread), 2));
        return new Anomaly(AnomalySubject.Store, store.StoreId, AnomalyMetric.Transactions, severity, today.Transactions, level, low, high,
                           Math.Round(z, 2), SalesMath.PercentChange(today.Transactions, level), recent.Count, []);
    }

    /// <summary>A return-rate finding when <paramref name="rate"/> rose unusually above the baseline of
    /// <paramref name="past"/> rates (days with sales); null otherwise. The range is to 4 places, as rates are.</summary>
    private static Anomaly? ReturnRateRise(AnomalySubject subject, string id, int returnTransactions, decimal rate, IReadOnlyList<decimal> past)
    {
        if (returnTransactions < MinimumReturnTransactions || past.Count < MinimumHistory)
        {
            return null;
        }

        var baseline = RobustBaseline.Of(past, ReturnRateFloor);
        var z = baseline.ZScore(rate);
        if (rate <= baseline.Median || Severity(z, rate, baseline.Median) is not { } severity)
        {
            return null;
        }

        var low = decimal.Round(Math.Max(0m, baseline.Median - RangeWidth * baseline.Scale), 4, MidpointRounding.ToEven);
        var high = decimal.Round(baseline.Median + RangeWidth * baseline.Scale, 4, MidpointRounding.ToEven);
        return new Anomaly(subject, id, AnomalyMetric.ReturnRate, severity, rate, baseline.Median, low, high, Math.Round(z, 2),
                           SalesMath.PercentChange(rate, baseline.Median), baseline.Points, []);
    }

    internal static AnomalySeverity? Severity(double z, decimal value, decimal median)
    {
        var change = median == 0m ? decimal.MaxValue : Math.Abs(value - median) / Math.Abs(median);
        var absZ = Math.Abs(z);
        return (absZ >= HighZ && change >= HighChange) || (absZ >= MediumZ && change >= LargeChange) ? AnomalySeverity.High
            : absZ >= MediumZ && change >= MediumChange ? AnomalySeverity.Medium
            : null;
    }

    private static List<Anomaly> Rank(List<Anomaly> anomalies) =>
    [
        .. anomalies.OrderByDescending(a => a.Severity).ThenByDescending(a => Math.Abs(a.ZScore))
            .ThenByDescending(a => Math.Abs(a.Value - a.Median)).ThenBy(a => a.Subject)
            .ThenBy(a => a.SubjectId, StringComparer.Ordinal).ThenBy(a => a.Metric),
    ];

    internal static DayFigures Figures(SalesTotals totals) => new(totals.NetRevenue, totals.Transactions);

    internal static DayFigures CategoryFigures(IReadOnlyList<CategorySales> categories, string category)
    {
        foreach (var c in categories)
        {
            if (c.Category == category)
            {
                return new DayFigures(c.NetRevenue, c.Transactions);
            }
        }

        return DayFigures.None;
    }

    private static IEnumerable<string> CategoryNames(ChainDaySummary chain, List<ChainDaySummary> chainPast) =>
        chain.Categories.Select(c => c.Category).Concat(chainPast.SelectMany(c => c.Categories).Select(c => c.Category))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
