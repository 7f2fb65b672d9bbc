using Analytics.Domain.AiReview;

namespace Analytics.Domain.Tests.AiReview;

public sealed class SpelledNumbersTests
{
    [Theory]
    [InlineData("zero", 0, 0.5)]
    [InlineData("Twenty-five", 25, 0.5)]
    [InlineData("a dozen", 12, 0.5)]
    [InlineData("two dozen", 24, 0.5)]
    [InlineData("two hundred and fifty", 250, 0.5)]
    [InlineData("a hundred", 100, 50)]
    [InlineData("two thousand", 2000, 500)]
    [InlineData("two thousand five hundred", 2500, 50)]
    [InlineData("one million two hundred thousand", 1_200_000, 500)]
    [InlineData("a million", 1_000_000, 500_000)]
    public void Find_OneAmount_GivesItsValueAndRounding(string text, decimal value, decimal tolerance)
    {
        var amount = Assert.Single(SpelledNumbers.Find($"It sold {text}."));

        Assert.Equal((8, text.Length, value, tolerance), (amount.Index, amount.Length, amount.Value, amount.Tolerance));
    }

    [Fact]
    public void Find_SeparateNumbers_AreNotJoined() =>
        Assert.Equal([2m, 3m, 20m, 5m], SpelledNumbers.Find("two three, twenty and five").Select(a => a.Value));

    [Theory]
    [InlineData("one of the stores")]
    [InlineData("no one knows")]
    [InlineData("the one that fell")]
    [InlineData("a one-off order")]
    [InlineData("a store, an often busy one another day")]
    public void Find_OneAsAPronoun_IsNoAmount(string text) => Assert.Empty(SpelledNumbers.Find(text));

    [Fact]
    public void Find_OneAsANumber_IsAnAmount() => Assert.Equal(1m, Assert.Single(SpelledNumbers.Find("one store fell")).Value);
}
