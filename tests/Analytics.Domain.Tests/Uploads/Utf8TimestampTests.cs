using System.Text;
using System.Text.Json;
using Analytics.Domain.Uploads;

namespace Analytics.Domain.Tests.Uploads;

public sealed class Utf8TimestampTests
{
    [Theory]
    [InlineData("2025-01-15T09:12:33-05:00")]
    [InlineData("2025-01-15T09:12:33+14:00")]
    [InlineData("2025-01-15T23:59:59Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("1000-01-01T00:00:00+00:00")]
    public void TryParse_UsualShapes_GivesWhatTheJsonReaderGives(string text)
    {
        Assert.True(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(FromJsonReader(text), (value, value.Offset));
    }

    [Theory]
    [InlineData("2025-01-15T09:12:33z")]
    [InlineData("2025-01-15T09:12:33.5Z")]
    [InlineData("2025-01-15T09:12:33")]
    [InlineData("2025-01-15 09:12:33Z")]
    [InlineData("2025-02-29T09:12:33Z")]
    [InlineData("2025-01-15T24:00:00Z")]
    [InlineData("2025-01-15T09:12:33+15:00")]
    [InlineData("2025-01-15T09:12:33-0500")]
    [InlineData("2025-01-15T09:12:3aZ")]
    [InlineData("")]
    public void TryParse_OtherTexts_AreLeftToTheGeneralParser(string text) =>
        Assert.False(Utf8Timestamp.TryParse(Encoding.UTF8.GetBytes(text), out _));

    private static (DateTimeOffset, TimeSpan) FromJsonReader(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        reader.Read();
        Assert.True(reader.TryGetDateTimeOffset(out var value));
        return (value, value.Offset);
    }
}
