using Analytics.Domain.AiReview;
using Analytics.Domain.Insights;

namespace Analytics.Domain.Tests.AiReview;

/// <summary>Amounts in words, relative amounts and directions: checked like digits, against the facts the text is about.</summary>
public sealed partial class ModelAnswerValidatorTests
{
    /// <summary>store-0042 fell 48.00 % (416.00 against 800.00), led by a drop in Bakery.</summary>
    private static readonly FactSheet Fell48 = FactSheets.Anomalies(new AnomalyReport(SampleFacts.Day, [SampleFacts.Day.AddDays(-7)], 8, false, "", 20, 0, 12, 0,
    [
        new(AnomalySubject.Store, "store-0042", AnomalyMetric.NetRevenue, AnomalySeverity.High, 416.00m, 800.00m, 700.00m, 940.00m, -6.4, -48.00m, 8,
            [new(ContributorKind.Category, "Bakery", 100.00m, 300.00m, -200.00m, 52.08m)]),
    ]), "USD");

    private static IReadOnlyList<string> Problems(FactSheet sheet, string summary, string explanation = "Its value is 416.00.") =>
        ModelAnswerValidator.Validate(sheet, Answer(summary, explanation), "m").Problems;

    [Theory]
    [InlineData("Coffee was held to eight weeks of history.")]      // baselineWeeks 8
    [InlineData("Fifty stores were checked.")]                       // storesChecked 50
    [InlineData("Coffee is one of the categories that matter; no one store explains it.")]
    [InlineData("Coffee sold 2.5k against a usual 1,200.00.")]       // 2,500 ± 50
    [InlineData("Coffee sold two thousand five hundred.")]           // 2,500 ± 50
    [InlineData("Coffee doubled (A1), more than twice its median.")] // +106.71 %
    [InlineData("SKU-000123 made up two fifths of the surge.")]      // sharePercent 39.06
    [InlineData("store-00001 fell 37.38% and did not grow.")]
    public void Validate_AmountsInWordsTheFactsState_AreAccepted(string summary) =>
        Assert.Empty(Problems(Sheet, summary, "Coffee sold 2,480.50 against a usual 1,200.00."));

    [Theory]
    [InlineData("Coffee sold eleven units.", "states \"eleven\" (11)")]
    [InlineData("Coffee sold three thousand.", "states \"three thousand\" (3,000 \u00b1 500)")]
    [InlineData("Revenue reached a million.", "states \"a million\"")]
    [InlineData("Coffee sold 3k.", "states \"3k\"")]
    [InlineData("Coffee drew thousands of customers.", "says \"thousands of\", an amount no fact states")]
    [InlineData("Coffee rose in all stores.", "says \"all stores\"")]
    [InlineData("Coffee sold nothing.", "says \"nothing\", but no money figure")]
    [InlineData("Coffee halved.", "says \"halved\", a change of -50.00%")]
    [InlineData("Coffee rose tenfold.", "says \"tenfold\", a change of +900.00%")]
    [InlineData("Coffee rose 3x.", "says \"3x\", a change of +200.00%")]
    [InlineData("Coffee was flat.", "says \"flat\", but no change")]
    [InlineData("Coffee took a quarter of the revenue.", "says \"a quarter\" (25.00%)")]
    public void Validate_AmountsInWordsNoFactStates_AreProblems(string summary, string problem)
    {
        var problems = Problems(Sheet, summary, "Coffee sold 2,480.50 against a usual 1,200.00.");

        Assert.Contains(problems, p => p.StartsWith("summary ", StringComparison.Ordinal) && p.Contains(problem, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Chain net revenue was zero today.")]
    [InlineData("Chain net revenue was 0 today.")]
    [InlineData("The chain had no sales today.")]
    [InlineData("Nothing was sold across the chain.")]
    public void Validate_ZeroRevenueNoFactHas_IsAProblem(string summary)
    {
        // The chain's fact A0 has a figure 0 (categoriesChecked), but a count of categories is no revenue or sales.
        var sheet = FactSheets.Anomalies(SampleFacts.Anomalies(50) with { CategoriesChecked = 0 }, "USD");

        var problems = Problems(sheet, summary, "Coffee sold 2,480.50 against a usual 1,200.00.");
        var (counted, _) = ModelAnswerValidator.Validate(sheet, Answer("Zero categories were checked (A0).", "Coffee sold 2,480.50 against a usual 1,200.00."), "m");

        Assert.Contains(problems, p => p.StartsWith("summary says", StringComparison.Ordinal) && p.EndsWith("of the facts it is about is 0 and none fell by 100% (A0: no changes)", StringComparison.Ordinal));
        Assert.Empty(counted);
    }

    [Fact]
    public void Validate_NoSalesWhereTheFactSaysSo_IsAccepted()
    {
        var sheet = FactSheets.Anomalies(new AnomalyReport(SampleFacts.Day, [SampleFacts.Day.AddDays(-7)], 8, false, "", 20, 0, 12, 0,
        [
            new(AnomalySubject.Store, "store-0007", AnomalyMetric.NoSales, AnomalySeverity.High, 0m, 800.00m, 700.00m, 940.00m, -9.1, -100.00m, 8, []),
        ]), "USD");

        Assert.Empty(Problems(sheet, "store-0007 had no sales: revenue fell to zero against a usual 800.00.", "Revenue was 0 today."));
    }

    [Fact]
    public void Validate_DoubledWhenTheFactFell48Percent_IsAProblem()
    {
        var (problems, review) = ModelAnswerValidator.Validate(Fell48, Answer("store-0042 fell 48% (A1).", "Sales at store-0042 doubled today."), "m");

        Assert.Null(review);
        Assert.Contains("findings[0].explanation says \"doubled\", a change of +100.00% (within 20 points), but no change of the facts it is about is near that: " +
                        "A1 percentChange -48.00%, A1 zScore -6.40, A1.1 deviation -200.00", problems);
        Assert.Contains(problems, p => p.StartsWith("findings[0].explanation says \"doubled\", but no change of the facts it is about is a rise", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Sales at store-0042 rose 48%.", "says \"rose\"")]
    [InlineData("Sales at store-0042 were up 48.00%.", "says \"up\"")]
    [InlineData("Sales were higher than usual.", "says \"higher\"")]
    public void Validate_RiseWhenTheFactFell_IsAProblem(string explanation, string problem) =>
        Assert.Contains(Problems(Fell48, "store-0042 fell 48% (A1).", explanation),
                        p => p.StartsWith("findings[0].explanation " + problem, StringComparison.Ordinal) && p.Contains("is a rise", StringComparison.Ordinal));

    [Theory]
    [InlineData("Sales at store-0042 fell 48%, nearly halving.")]
    [InlineData("Sales dropped by almost half, below the expected 700.00.")]
    [InlineData("A 48% drop; Bakery did not rise either.")]
    public void Validate_HonestFall_IsAccepted(string explanation) =>
        Assert.Empty(Problems(Fell48, "store-0042 fell 48% (A1).", explanation));
}
