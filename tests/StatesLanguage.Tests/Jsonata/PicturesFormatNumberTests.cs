using StatesLanguage.Jsonata;

namespace StatesLanguage.Tests.Jsonata;

/// <summary>$formatNumber's rules beyond the suite: rounding, decimal formats, exponents and the picture errors.</summary>
public sealed class PicturesFormatNumberTests
{
    [Theory]
    [InlineData(2.5, "0", "2")]
    [InlineData(3.5, "0", "4")]
    [InlineData(-2.5, "0", "-2")]
    [InlineData(-3.5, "0", "-4")]
    [InlineData(0.125, "0.00", "0.12")]
    [InlineData(0.135, "0.00", "0.14")]
    [InlineData(1.005, "0.00", "1.00")] // the shortest decimal form is 1.005: a tie, rounded to even
    [InlineData(-0.5, "0", "-0")]
    [InlineData(12.5, "#", "12")]
    public void FormatNumber_HalfWay_RoundsToEvenOnTheShortestDecimalForm(double value, string picture, string expected) =>
        Assert.Equal(expected, Pictures.FormatNumber(value, picture, null));

    [Fact]
    public void FormatNumber_ExponentMantissa_IsScaledInBinaryLikeTheReference() =>
        Assert.Equal("0.267e1", Pictures.FormatNumber(2.675, "#.###e0", null)); // 2.675 / 10 is 0.26749999999999996

    [Theory]
    [InlineData(100, "00e0", "100e0")] // a mantissa may reach 10^scaling factor…
    [InlineData(1000, "00e0", "100e1")] // …coming down from above
    [InlineData(1e-7, "0.0e0", "1.0e-7")]
    [InlineData(0.000012345, "0.000e00", "1.234e-05")]
    [InlineData(-42, "0e0", "-4e1")]
    [InlineData(0, "0.00e0", "0.00e0")]
    [InlineData(99.96, "00.0e0", "100.0e0")] // rounding after scaling is not renormalised
    public void FormatNumber_Exponent_ScalesTheMantissaToTheIntegerDigits(double value, string picture, string expected) =>
        Assert.Equal(expected, Pictures.FormatNumber(value, picture, null));

    [Theory]
    [InlineData(1234567.891, "#,##0.00;(#,##0.00)", "1,234,567.89")]
    [InlineData(-1234567.891, "#,##0.00;(#,##0.00)", "(1,234,567.89)")]
    [InlineData(-1234.5, "#,##0.0;[#,##0.0]", "[1,234.5]")]
    [InlineData(-0.0123, "0.00%", "-1.23%")]
    [InlineData(0, "#.#", ".0")]
    [InlineData(0.001, "#.##", ".0")]
    [InlineData(1234.5678, "#,##0.0###", "1,234.5678")]
    [InlineData(123412345678.9, "9,9,99.99", "123412345,6,78.90")] // irregular grouping
    public void FormatNumber_SubPicturesAndGrouping_AsThePictureSays(double value, string picture, string expected) =>
        Assert.Equal(expected, Pictures.FormatNumber(value, picture, null));

    [Fact]
    public void FormatNumber_EuropeanSeparators_SwapPointAndComma() =>
        Assert.Equal("1.234,50", Pictures.FormatNumber(1234.5, "#.##0,00", Options("decimal-separator", ",", "grouping-separator", ".")));

    [Fact]
    public void FormatNumber_ArabicIndicZeroDigit_WritesThatFamily() =>
        Assert.Equal("١٢٣,٤٥٦", Pictures.FormatNumber(123456, "#,##٠", Options("zero-digit", "٠")));

    [Fact]
    public void FormatNumber_MinusSignOption_PrefixesNegatives() =>
        Assert.Equal("−12.00", Pictures.FormatNumber(-12, "#,##0.00", Options("minus-sign", "−")));

    [Fact]
    public void FormatNumber_MultiCharacterPerMille_ScalesByAThousand() =>
        Assert.Equal("12,345,678.00 pm", Pictures.FormatNumber(12345.678, "#,##0.00 pm", Options("per-mille", "pm")));

    [Fact]
    public void FormatNumber_OtherPatternSeparator_SplitsThere() =>
        Assert.Equal("<3.00>", Pictures.FormatNumber(-3, "0.00|<0.00>", Options("pattern-separator", "|")));

    [Fact]
    public void FormatNumber_ExponentSeparatorOption_IsUsedBothWays() =>
        Assert.Equal("1.23E3", Pictures.FormatNumber(1234, "0.00E0", Options("exponent-separator", "E")));

    [Fact]
    public void FormatNumber_LargeNumber_KeepsEveryDigit() =>
        Assert.Equal("100,000000,000000,000000", Pictures.FormatNumber(1e20, "#,######", null));

    [Theory]
    [InlineData(3.14, "#e0", "0.e1")] // no decimal separator in the picture: the last character is dropped
    [InlineData(5, "0 pence", "5 pence")] // an e in the suffix is not an exponent…
    [InlineData(0.25, "0.00 each", "0.25 each")]
    public void FormatNumber_ReferenceQuirks_AreKept(double value, string picture, string expected) =>
        Assert.Equal(expected, Pictures.FormatNumber(value, picture, null));

    [Theory]
    [InlineData("0each")] // …unless it directly follows the last digit
    [InlineData("$0.0e0")] // and with a prefix the reference misplaces the exponent
    public void FormatNumber_ExponentTheReferenceMisreads_IsD3093(string picture) =>
        Assert.Equal("D3093", Assert.Throws<JsonataException>(() => Pictures.FormatNumber(1, picture, null)).Code);

    [Theory]
    [InlineData("0;0;0", "D3080", "The picture string must only contain a maximum of two sub-pictures")]
    [InlineData("#.0.0", "D3081", "The sub-picture must not contain more than one instance of the 'decimal-separator' character")]
    [InlineData("#0%%", "D3082", "The sub-picture must not contain more than one instance of the 'percent' character")]
    [InlineData("#0%‰", "D3084", "The sub-picture must not contain both a 'percent' and a 'per-mille' character")]
    [InlineData("%%", "D3086", "The sub-picture must not contain a passive character that is preceded by an active character and that is followed by another active character")] // the last rule broken wins
    [InlineData("0,", "D3088", "The sub-picture must not contain a 'grouping-separator' at the end of the integer part")]
    [InlineData("#0.0e0%", "D3092", "A sub-picture that contains a 'percent' or 'per-mille' character must not contain a character treated as an 'exponent-separator'")]
    public void FormatNumber_BadPicture_ThrowsTheReferenceError(string picture, string code, string message)
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.FormatNumber(20, picture, null));
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void FormatNumber_DigitOutsideTheChosenFamily_IsPassive()
    {
        var error = Assert.Throws<JsonataException>(() => Pictures.FormatNumber(12, "000", Options("zero-digit", "０")));
        Assert.Equal("D3086", error.Code);
    }

    private static JsonObject Options(params string[] pairs)
    {
        var options = new JsonObject();
        for (var i = 0; i < pairs.Length; i += 2)
            options[pairs[i]] = pairs[i + 1];
        return options;
    }
}
