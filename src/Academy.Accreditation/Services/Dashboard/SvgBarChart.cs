using System.Globalization;
using System.Xml.Linq;

namespace Academy.Accreditation.Services.Dashboard;

/// <summary>One bar: its label, its value (null = not drawn, e.g. a suppressed group) and the text printed beside it.</summary>
public sealed record ChartBar(string Label, decimal? Value, string ValueText);

/// <summary>
/// A horizontal bar chart as inline SVG, rendered on the server (no JavaScript). Accessible by construction: the
/// svg is role="img" named by its &lt;title&gt; and described by its &lt;desc&gt;; every bar has its label and value as
/// text, so nothing depends on colour; dark bars and text on white exceed the 4.5:1 contrast ratio. All text is
/// escaped by XLinq. The page puts the same figures in a table beside it.
/// </summary>
public static class SvgBarChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private const int Width = 640;
    private const int LabelWidth = 220;
    private const int ValueWidth = 110;
    private const int RowHeight = 30;
    private const int BarHeight = 18;
    private const int Top = 8;
    private const int LabelMaxChars = 30;
    /// <summary>Dark blue (contrast 10:1 on white) and near-black text (18:1).</summary>
    private const string BarColour = "#154273";
    private const string TextColour = "#1b1b1b";

    public static string Render(string id, string title, string description, IReadOnlyList<ChartBar> bars)
    {
        var barArea = Width - LabelWidth - ValueWidth;
        var max = bars.Where(b => b.Value is > 0).Select(b => b.Value!.Value).DefaultIfEmpty(0).Max();
        var height = Top * 2 + Math.Max(1, bars.Count) * RowHeight;
        var root = new XElement(Svg + "svg",
            new XAttribute("xmlns", Svg.NamespaceName),
            new XAttribute("id", id),
            new XAttribute("class", "reports-chart"),
            new XAttribute("role", "img"),
            new XAttribute("aria-labelledby", $"{id}-titel {id}-beschrijving"),
            new XAttribute("viewBox", $"0 0 {Width} {height}"),
            new XAttribute("width", Width),
            new XAttribute("height", height),
            new XAttribute("font-family", "sans-serif"),
            new XAttribute("font-size", 14),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-titel"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-beschrijving"), description),
            new XElement(Svg + "line",
                new XAttribute("x1", LabelWidth), new XAttribute("y1", Top / 2),
                new XAttribute("x2", LabelWidth), new XAttribute("y2", height - Top / 2),
                new XAttribute("stroke", TextColour), new XAttribute("stroke-width", 1)));

        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = Top + i * RowHeight;
            var middle = y + RowHeight / 2;
            var length = bar.Value is > 0 && max > 0 ? (double)(bar.Value.Value / max) * (barArea - 8) : 0;
            var row = new XElement(Svg + "g", new XAttribute("class", bar.Value is null ? "reports-chart__bar reports-chart__bar--hidden" : "reports-chart__bar"),
                new XElement(Svg + "text",
                    new XAttribute("x", LabelWidth - 8), new XAttribute("y", middle), new XAttribute("text-anchor", "end"),
                    new XAttribute("dominant-baseline", "middle"), new XAttribute("fill", TextColour),
                    Shorten(bar.Label)));
            if (length > 0)
            {
                row.Add(new XElement(Svg + "rect",
                    new XAttribute("x", LabelWidth), new XAttribute("y", y + (RowHeight - BarHeight) / 2),
                    new XAttribute("width", Number(length)), new XAttribute("height", BarHeight),
                    new XAttribute("fill", BarColour)));
            }
            row.Add(new XElement(Svg + "text",
                new XAttribute("x", Number(LabelWidth + length + 6)), new XAttribute("y", middle),
                new XAttribute("dominant-baseline", "middle"), new XAttribute("fill", TextColour),
                bar.Value is null ? new XAttribute("font-style", "italic") : null,
                bar.ValueText));
            root.Add(row);
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Long names are cut on the chart (the table beside it has them in full).</summary>
    private static string Shorten(string label) => label.Length <= LabelMaxChars ? label : label[..(LabelMaxChars - 1)].TrimEnd() + "…";

    private static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
