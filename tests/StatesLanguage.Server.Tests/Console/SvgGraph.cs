using System.Globalization;
using System.Xml.Linq;

namespace StatesLanguage.Server.Tests.Console;

/// <summary>The rendered graph read back as XML (so it must be well-formed): each state's group by name.</summary>
internal sealed class SvgGraph
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public SvgGraph(string svg)
    {
        Document = XDocument.Parse(svg);
        States = Document.Descendants(Svg + "g").Where(g => g.Attribute("data-state") is not null)
            .ToDictionary(g => g.Attribute("data-state")!.Value, g => g, StringComparer.Ordinal);
    }

    public XDocument Document { get; }

    public IReadOnlyDictionary<string, XElement> States { get; }

    public string Outcome(string state) => States[state].Attribute("data-outcome")!.Value;

    public string Class(string state) => States[state].Attribute("class")!.Value;

    public string Title(string state) => States[state].Element(Svg + "title")!.Value;

    public string Label(string state) => States[state].Element(Svg + "text")!.Value;

    /// <summary>The state's box: x, y, width, height.</summary>
    public (double X, double Y, double Width, double Height) Box(string state)
    {
        var rect = States[state].Element(Svg + "rect")!;
        double Read(string name) => double.Parse(rect.Attribute(name)!.Value, CultureInfo.InvariantCulture);
        return (Read("x"), Read("y"), Read("width"), Read("height"));
    }

    public IEnumerable<XElement> Paths(string cssClass) =>
        Document.Descendants(Svg + "path").Where(p => (p.Attribute("class")?.Value ?? "").Split(' ').Contains(cssClass));
}
