using System.Globalization;
using System.Text;

namespace Analytics.Domain.Reporting;

/// <summary>Shared pieces of the inline SVG charts: coordinates, the accessible opening tag, axis ticks.</summary>
internal static class Svg
{
    /// <summary>A coordinate to one decimal place, invariant.</summary>
    public static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Opens an <c>svg</c> element named by its own <c>title</c> and described by a <c>desc</c> (both encoded here), so a
    /// screen reader announces the chart as one image with a summary.
    /// </summary>
    public static void Open(StringBuilder html, string id, double width, double height, string title, string description)
    {
        html.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").Append(id).Append("\" role=\"img\" width=\"").Append(N(width))
            .Append("\" height=\"").Append(N(height)).Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" aria-labelledby=\"").Append(id).Append("-title ").Append(id).Append("-desc\"><title id=\"").Append(id).Append("-title\">")
            .Append(Html.Text(title)).Append("</title><desc id=\"").Append(id).Append("-desc\">").Append(Html.Text(description)).Append("</desc>");
    }

    /// <summary>A "nice" axis step (1, 2, 2.5 or 5 × a power of ten) giving about <paramref name="ticks"/> steps up to <paramref name="max"/>.</summary>
    public static decimal NiceStep(decimal max, int ticks)
    {
        if (max <= 0m)
        {
            return 1m;
        }

        var raw = max / ticks;
        var power = 1m;
        while (power * 10m <= raw)
        {
            power *= 10m;
        }

        while (power > raw)
        {
            power /= 10m;
        }

        foreach (var factor in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (power * factor >= raw)
            {
                return power * factor;
            }
        }

        return power * 10m;
    }

    /// <summary>An axis label in short form: 950, 12.5k, 1.2M.</summary>
    public static string Compact(decimal value) => Math.Abs(value) switch
    {
        >= 1_000_000m => (value / 1_000_000m).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1_000m => (value / 1_000m).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
