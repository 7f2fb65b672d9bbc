using StatesLanguage.Server.Console;

namespace StatesLanguage.Server.Tests.Console;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("plain name", "plain name")]
    [InlineData("<script>&\"'", "&lt;script&gt;&amp;&quot;&#39;")]
    [InlineData("a\u0000b\u001Fc\td", "a\uFFFDb\uFFFDc\td")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Escape_Text_ReplacesEveryMarkupCharacter(string? text, string expected) => Assert.Equal(expected, HtmlText.Escape(text));
}
