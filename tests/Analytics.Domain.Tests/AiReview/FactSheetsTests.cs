using Analytics.Domain.AiReview;
using Xunit.Abstractions;

namespace Analytics.Domain.Tests.AiReview;

public sealed class FactSheetsTests(ITestOutputHelper output)
{
    [Fact]
    public void Prompts_TenThousandStores_NoLargerThanAThousandStores()
    {
        var small = Tokens(FactSheets.Anomalies(SampleFacts.Anomalies(50), "USD"));
        var thousand = Tokens(FactSheets.Anomalies(SampleFacts.Anomalies(1_000), "USD"));
        var large = Tokens(FactSheets.Anomalies(SampleFacts.Anomalies(10_000), "USD"));
        var trendsSmall = Tokens(FactSheets.Trends(SampleFacts.Trends(50), "USD"));
        var trendsLarge = Tokens(FactSheets.Trends(SampleFacts.Trends(10_000), "USD"));
        var recommendationsSmall = Tokens(FactSheets.Recommendations(SampleFacts.Day, SampleFacts.Recommendations(50), "USD"));
        var recommendationsLarge = Tokens(FactSheets.Recommendations(SampleFacts.Day, SampleFacts.Recommendations(10_000), "USD"));
        output.WriteLine($"prompt tokens (chars/4), 50 stores / 10,000 stores: anomalies {small} / {large}, trends {trendsSmall} / {trendsLarge}, recommendations {recommendationsSmall} / {recommendationsLarge}");

        // Past the caps (ten findings, three parts each) only the counts of the scope fact grow, by a digit or two.
        Assert.InRange(large - thousand, 0, 2);
        Assert.Equal(trendsSmall, trendsLarge);
        Assert.InRange(large, small, 5_000);
        Assert.InRange(recommendationsLarge, recommendationsSmall, 5_000);
    }

    [Fact]
    public void Anomalies_ManyAnomalies_KeepsTheTopTenAndThreeContributorsEach()
    {
        var sheet = FactSheets.Anomalies(SampleFacts.Anomalies(1_000), "USD");

        Assert.Equal(FactSheets.TopFindings + 1, sheet.Facts.Count); // A0, the scope, then A1..A10
        Assert.Equal(["A0", "A1", "A2"], sheet.Facts.Take(3).Select(f => f.Id));
        Assert.Equal("Coffee", sheet.Facts[1].SubjectId);
        Assert.All(sheet.Facts.Skip(2), f => Assert.Equal(FactSheets.TopParts, f.Parts!.Count));
        Assert.Contains(sheet.Facts[0].Figures, f => f is { Name: "anomalies", Value: 101m });
    }

    [Fact]
    public void Anomalies_NoAnomalies_HasNoFacts() =>
        Assert.Empty(FactSheets.Anomalies(SampleFacts.Anomalies(50) with { Anomalies = [] }, "USD").Facts);

    [Fact]
    public void Anomalies_LongName_IsCut()
    {
        var sheet = FactSheets.Anomalies(SampleFacts.Anomalies(10, new string('x', 500)), "USD");

        Assert.Equal(FactSheets.MaxNameLength, sheet.Facts[1].SubjectId.Length);
    }

    private static int Tokens(FactSheet sheet) => ModelPrompt.EstimateTokens(ModelPrompt.Messages(sheet));
}
