using Academy.Core.Content;
using Academy.Werkcentrum.Models;

namespace Academy.Werkcentrum.Services;

/// <summary>Checks what the editors cannot, because recipes and code write the parts directly.</summary>
public sealed class WerkcentrumContentHandler : IContentHandler
{
    public Task ValidateAsync(ContentItem item, ContentValidationResult result)
    {
        if (item.Has<WalkInPointPart>())
        {
            var part = item.As<WalkInPointPart>();
            foreach (var (day, periods) in part.OpeningHours)
            {
                if (!OpeningHours.DayKeys.Contains(day))
                {
                    result.Fail("WalkInPointPart.OpeningHours", $"'{day}' is geen dag; gebruik ma, di, wo, do, vr, za of zo.");
                }
                foreach (var period in periods.Where(p => TimeRange.Parse(p) is null))
                {
                    result.Fail("WalkInPointPart.OpeningHours", $"'{period}' is geen geldige tijd; schrijf bijvoorbeeld 09:00-12:30.");
                }
            }
            foreach (var exception in part.Exceptions)
            {
                if (OpeningHours.ParseDate(exception.Date) is null)
                {
                    result.Fail("WalkInPointPart.Exceptions", $"'{exception.Date}' is geen geldige datum; schrijf bijvoorbeeld 2026-12-25.");
                }
                foreach (var period in exception.Hours.Where(p => TimeRange.Parse(p) is null))
                {
                    result.Fail("WalkInPointPart.Exceptions", $"'{period}' is geen geldige tijd; schrijf bijvoorbeeld 09:00-12:30.");
                }
            }
        }
        if (item.Has<WerkcentrumServicePart>())
        {
            foreach (var audience in item.As<WerkcentrumServicePart>().Audiences.Where(a => !WerkcentrumAudiences.All.Contains(a)))
            {
                result.Fail("WerkcentrumServicePart.Audiences", $"'{audience}' is geen doelgroep; kies uit {string.Join(", ", WerkcentrumAudiences.All)}.");
            }
        }
        if (item.Has<NewsItemPart>() && item.As<NewsItemPart>().Date is { Length: > 0 } date && OpeningHours.ParseDate(date) is null)
        {
            result.Fail("NewsItemPart.Date", $"'{date}' is geen geldige datum; schrijf bijvoorbeeld 2026-11-20.");
        }
        return Task.CompletedTask;
    }
}
