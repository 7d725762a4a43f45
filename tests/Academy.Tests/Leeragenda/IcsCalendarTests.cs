using System.Text;
using Academy.Leeragenda.Services;

namespace Academy.Tests.Leeragenda;

public class IcsCalendarTests
{
    [Fact]
    public void Long_lines_are_folded_at_75_octets_without_splitting_characters()
    {
        var builder = new StringBuilder();
        var value = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Casuïstiek € ", 20));
        IcsCalendar.Line(builder, value);
        var text = builder.ToString();

        Assert.EndsWith("\r\n", text);
        var lines = text[..^2].Split("\r\n");
        Assert.True(lines.Length > 2);
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.All(lines.Skip(1), l => Assert.StartsWith(" ", l));
        Assert.Equal(value, lines[0] + string.Concat(lines.Skip(1).Select(l => l[1..])));
    }

    [Fact]
    public void Text_values_are_escaped()
    {
        Assert.Equal("a\\, b\\; c\\\\d\\ne\\nf", IcsCalendar.Text("a, b; c\\d\r\ne\nf"));
    }

    [Fact]
    public void Calendar_parses_with_ical_net()
    {
        var start = new DateTime(2027, 3, 9, 8, 0, 0, DateTimeKind.Utc);
        var ics = IcsCalendar.Write("Leeragenda", [
            new IcsEvent("s1@leeracademie", start, start.AddHours(7), start.AddDays(-30), "Training, dag 1; Arnhem",
                "Kadestraat 1, Arnhem", new string('x', 200), "https://example.nl/leeragenda/x", ["Training"]),
        ]);
        var calendar = Ical.Net.Calendar.Load(ics)!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal("s1@leeracademie", e.Uid);
        Assert.Equal("Training, dag 1; Arnhem", e.Summary);
        Assert.Equal("Kadestraat 1, Arnhem", e.Location);
        Assert.Equal(new string('x', 200), e.Description);
        Assert.Contains("DTSTART:20270309T080000Z\r\n", ics);
    }
}
