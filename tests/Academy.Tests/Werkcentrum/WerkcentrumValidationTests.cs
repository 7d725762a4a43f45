using Academy.Core.Content;
using Academy.Werkcentrum.Models;
using Academy.Werkcentrum.Services;

namespace Academy.Tests.Werkcentrum;

/// <summary>What recipes and code write into the Werkcentrum parts is checked, with a Dutch message at the part's field.</summary>
public sealed class WerkcentrumValidationTests
{
    private static async Task<IReadOnlyList<KeyValuePair<string, string>>> ErrorsOfAsync(ContentPart part)
    {
        var item = new ContentItem { ContentType = "Test" };
        switch (part)
        {
            case WalkInPointPart p: item.Apply(p); break;
            case WerkcentrumServicePart p: item.Apply(p); break;
            case NewsItemPart p: item.Apply(p); break;
        }
        var result = new ContentValidationResult();
        await new WerkcentrumContentHandler().ValidateAsync(item, result);
        return result.Errors;
    }

    [Fact]
    public async Task Valid_parts_pass()
    {
        Assert.Empty(await ErrorsOfAsync(new WalkInPointPart
        {
            OpeningHours = new() { ["ma"] = ["09:00-12:30"] },
            Exceptions = [new OpeningException { Date = "2026-12-25" }, new OpeningException { Date = "2026-12-24", Hours = ["09:00-12:00"] }],
        }));
        Assert.Empty(await ErrorsOfAsync(new WerkcentrumServicePart { Audiences = ["werkgevers", "werkenden"] }));
        Assert.Empty(await ErrorsOfAsync(new NewsItemPart { Date = "2026-01-05" }));
    }

    [Fact]
    public async Task A_wrong_day_period_date_or_audience_is_refused_at_its_field()
    {
        var hours = await ErrorsOfAsync(new WalkInPointPart { OpeningHours = new() { ["maandag"] = ["09:00-12:30"], ["di"] = ["12:00-09:00"] } });
        Assert.Equal(2, hours.Count);
        Assert.All(hours, e => Assert.Equal("WalkInPointPart.OpeningHours", e.Key));
        Assert.Contains(hours, e => e.Value.Contains("'maandag' is geen dag", StringComparison.Ordinal));

        var exceptions = await ErrorsOfAsync(new WalkInPointPart { Exceptions = [new OpeningException { Date = "25-12-2026" }, new OpeningException { Date = "2026-12-24", Hours = ["ochtend"] }] });
        Assert.Equal(["WalkInPointPart.Exceptions", "WalkInPointPart.Exceptions"], exceptions.Select(e => e.Key));

        var audience = Assert.Single(await ErrorsOfAsync(new WerkcentrumServicePart { Audiences = ["iedereen"] }));
        Assert.Equal("WerkcentrumServicePart.Audiences", audience.Key);

        Assert.Equal("NewsItemPart.Date", Assert.Single(await ErrorsOfAsync(new NewsItemPart { Date = "gisteren" })).Key);
    }
}
