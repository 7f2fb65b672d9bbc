using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>$formatInteger and $parseInteger: ordinals, Roman numerals, letters, words, digit families, errors.</summary>
public sealed class PicturesIntegerTests
{
    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(4, "4th")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(21, "21st")]
    [InlineData(22, "22nd")]
    [InlineData(111, "111th")]
    [InlineData(112, "112th")]
    [InlineData(1001, "1,001st")]
    public void FormatInteger_Ordinal_TakesTheEnglishSuffix(double value, string expected) =>
        Assert.Equal(expected, Pictures.FormatInteger(value, "#,##0;o"));

    [Theory]
    [InlineData(-12.5, "0", "-13")] // rounded down first
    [InlineData(12.9, "0", "12")]
    [InlineData(0, "w", "zero")]
    [InlineData(0, "a", "")]
    [InlineData(0, "I", "")]
    [InlineData(26, "a", "z")]
    [InlineData(702, "a", "zz")]
    [InlineData(703, "A", "AAA")]
    [InlineData(3999, "I", "MMMCMXCIX")]
    [InlineData(1984, "i", "mcmlxxxiv")]
    [InlineData(-7, "w", "-seven")]
    [InlineData(1000000000001, "Ww;o", "One Trillion and First")]
    [InlineData(90, "w;o", "ninetieth")]
    [InlineData(12340, "###١", "١٢٣٤٠")]
    [InlineData(1234567890, "#:###,##0", "1234:567,890")]
    [InlineData(12, "#,##,##0", "12")] // no separator beyond the digits (the reference garbles them)
    [InlineData(7, "0 ", "7 ")] // a separator at either end stays, as in the reference
    [InlineData(7, "#:٠,", ":٧,")]
    [InlineData(1, "٠;o", "١th")] // the reference reads the suffix off ASCII digits only
    [InlineData(21, "0,;o", "21,th")]
    public void FormatInteger_Picture_PresentsTheNumber(double value, string picture, string expected) =>
        Assert.Equal(expected, Pictures.FormatInteger(value, picture));

    [Fact]
    public void FormatInteger_UnsupportedSequence_ThrowsD3130WithTheQuotedToken()
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.FormatInteger(12, "α"));
        Assert.Equal("D3130", error.Code);
        Assert.Equal("Formatting or parsing an integer as a sequence starting with \"α\" is not supported by this implementation", error.Message);
    }

    [Fact]
    public void FormatInteger_DigitsOfTwoFamilies_ThrowsD3131()
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.FormatInteger(12, "0٠"));
        Assert.Equal("D3131", error.Code);
        Assert.Equal("In a decimal digit pattern, all digits must be from the same decimal group", error.Message);
    }

    [Fact]
    public void FormatInteger_RomanBeyondTheReferencesReach_ThrowsD3130() =>
        Assert.Equal("D3130", Assert.Throws<JsonataException>(() => Pictures.FormatInteger(1e9, "I")).Code);

    [Theory]
    [InlineData("12abc", "0", 12.0)] // like parseInt, a leading integer
    [InlineData("abc", "0", null)]
    [InlineData("xyz", "w", null)]
    [InlineData("", "w", null)]
    [InlineData("hello", "I", null)]
    [InlineData("nineteen hundred and eighty-four", "w", 1984.0)]
    [InlineData("Twenty-First", "Ww;o", 21.0)]
    [InlineData("1:234", "#:###,##0", 1234.0)]
    [InlineData("1 234", "0 000", 1.0)] // the reference removes only commas from a regular grouping
    [InlineData("1,234", "0 000", 1234.0)]
    [InlineData("zz", "a", 702.0)]
    public void ParseInteger_Text_GivesTheNumberOrUndefined(string text, string picture, double? expected) =>
        Assert.Equal(expected, Pictures.ParseInteger(text, picture));

    [Theory]
    [InlineData("w")]
    [InlineData("W;o")]
    [InlineData("Ww")]
    [InlineData("I")]
    [InlineData("a")]
    [InlineData("#,##0;o")]
    [InlineData("#:###,##0")]
    [InlineData("０００")]
    public void ParseInteger_WhatFormatIntegerWrote_GivesTheNumberBack(string picture)
    {
        foreach (var value in new double[] { 1, 7, 12, 19, 20, 42, 100, 101, 999, 1000, 1001, 2024, 3999, 123456 })
            Assert.Equal(value, Pictures.ParseInteger(Pictures.FormatInteger(value, picture), picture));
    }
}
