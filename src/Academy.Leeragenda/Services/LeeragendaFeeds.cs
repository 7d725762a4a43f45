using Academy.Core.Data;
using Academy.Core.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Academy.Leeragenda.Models;

namespace Academy.Leeragenda.Services;

public sealed record ApiFeed(DateTime GeneratedUtc, IReadOnlyList<ApiOffering> Offerings);

public sealed record ApiOffering(
    string Id,
    string Type,
    string TypeName,
    string Title,
    string Slug,
    string Url,
    string Summary,
    ApiReference? Organiser,
    IReadOnlyList<ApiReference> Themes,
    IReadOnlyList<ApiReference> Audiences,
    string Form,
    ApiCost Cost,
    IReadOnlyList<ApiEdition> Editions);

public sealed record ApiReference(string Id, string Name);

public sealed record ApiCost(decimal Euros, bool Free, string? Note);

public sealed record ApiEdition(string Id, string Name, int Capacity, int SeatsLeft, IReadOnlyList<ApiSession> Sessions);

public sealed record ApiSession(string Id, DateTime Start, DateTime End, string? Location, string? Place, bool Online);

/// <summary>The machine-readable forms of the leeragenda: the JSON API, iCalendar events and schema.org JSON-LD.</summary>
public static class LeeragendaFeeds
{
    /// <summary>camelCase; escapes only what HTML and JSON need escaping (so "&lt;/script&gt;" can never appear), keeps accents readable.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    public static ApiFeed Api(IReadOnlyList<OfferingView> offerings, string baseUrl, DateTime nowUtc) => new(
        DateTime.SpecifyKind(nowUtc.AddTicks(-(nowUtc.Ticks % TimeSpan.TicksPerSecond)), DateTimeKind.Utc),
        offerings.Select(o => new ApiOffering(
            o.ContentItemId,
            o.ContentType,
            o.TypeName,
            o.Title,
            o.Slug,
            baseUrl + o.Path,
            o.Offering.Summary,
            o.Organiser is { } org ? new ApiReference(org.Id, org.Name) : null,
            o.Themes.Select(t => new ApiReference(t.TermId, t.Name)).ToList(),
            o.Audiences.Select(t => new ApiReference(t.TermId, t.Name)).ToList(),
            o.Form,
            new ApiCost(o.Offering.CostEuros, o.Offering.IsFree, string.IsNullOrWhiteSpace(o.Offering.CostNote) ? null : o.Offering.CostNote),
            o.Editions.Select(e => new ApiEdition(
                e.EditionId,
                e.Name,
                e.Capacity,
                e.SeatsLeft,
                e.Sessions.Select(s => new ApiSession(
                    s.SessionId,
                    UtcDates.AsUtc(s.Start),
                    UtcDates.AsUtc(s.End),
                    string.IsNullOrWhiteSpace(s.Location) ? null : s.Location,
                    string.IsNullOrWhiteSpace(s.Place) ? null : s.Place,
                    EditionView.CanJoinOnline(s))).ToList())).ToList())).ToList());

    public static string Uid(Session session) => session.SessionId + "@leeracademie";

    /// <param name="online">The (localised) word for an online-only location.</param>
    public static IcsEvent Event(OfferingView offering, EditionView edition, Session session, string baseUrl, string online) => new(
        Uid(session),
        UtcDates.AsUtc(session.Start),
        UtcDates.AsUtc(session.End),
        offering.StampUtc,
        offering.Item.As<EditionsPart>().Editions.Count > 1 ? $"{offering.Title} ({edition.Name})" : offering.Title,
        LeeragendaFormat.Where(session) ?? online,
        offering.Offering.Summary,
        baseUrl + offering.Path,
        [offering.TypeName]);

    /// <summary>Every session that has not ended, of every given offering.</summary>
    public static IEnumerable<IcsEvent> Events(IEnumerable<OfferingView> offerings, string baseUrl, DateTime nowUtc, string online) =>
        from o in offerings
        from e in o.Editions
        from s in e.Sessions
        where UtcDates.AsUtc(s.End) > nowUtc
        orderby UtcDates.AsUtc(s.Start), o.Title, s.SessionId
        select Event(o, e, s, baseUrl, online);

    /// <summary>A schema.org Course with one CourseInstance per edition, serialised safely for a script element.</summary>
    public static string JsonLd(OfferingView offering, string baseUrl)
    {
        var url = baseUrl + offering.Path;
        var provider = offering.Organiser is { } organiser
            ? new JsonObject { ["@type"] = "Organization", ["name"] = organiser.Name }
            : null;

        JsonObject Offer() => new()
        {
            ["@type"] = "Offer",
            ["price"] = offering.Offering.CostEuros,
            ["priceCurrency"] = "EUR",
            ["category"] = offering.Offering.IsFree ? "Free" : "Paid",
            ["url"] = url,
        };

        var instances = new JsonArray();
        foreach (var edition in offering.Editions)
        {
            var instance = new JsonObject
            {
                ["@type"] = "CourseInstance",
                ["@id"] = url + "#" + edition.EditionId,
                ["name"] = edition.Name,
                ["courseMode"] = edition.CourseMode,
                ["startDate"] = DutchFormat.IsoUtc(edition.StartUtc),
                ["endDate"] = DutchFormat.IsoUtc(edition.EndUtc),
                ["maximumAttendeeCapacity"] = edition.Capacity,
                ["remainingAttendeeCapacity"] = edition.SeatsLeft,
                ["location"] = Locations(edition, url),
                ["offers"] = Offer(),
            };
            if (provider is not null)
            {
                instance["organizer"] = provider.DeepClone();
            }
            instances.Add(instance);
        }

        var course = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Course",
            ["@id"] = url,
            ["name"] = offering.Title,
            ["description"] = offering.Offering.Summary,
            ["url"] = url,
            ["inLanguage"] = "nl",
            ["isAccessibleForFree"] = offering.Offering.IsFree,
            ["offers"] = Offer(),
        };
        if (provider is not null)
        {
            course["provider"] = provider;
        }
        if (offering.Themes.Count > 0)
        {
            course["about"] = new JsonArray(offering.Themes.Select(t => (JsonNode?)JsonValue.Create(t.Name)).ToArray());
        }
        if (offering.Audiences.Count > 0)
        {
            course["audience"] = new JsonArray(offering.Audiences.Select(t => (JsonNode?)new JsonObject { ["@type"] = "Audience", ["audienceType"] = t.Name }).ToArray());
        }
        course["hasCourseInstance"] = instances;
        return course.ToJsonString(Json);
    }

    private static JsonNode Locations(EditionView edition, string url)
    {
        var locations = new JsonArray();
        foreach (var session in edition.Sessions.Where(s => !EditionView.IsOnlineOnly(s))
                     .DistinctBy(s => (s.Location?.Trim(), s.Place?.Trim())))
        {
            var place = new JsonObject
            {
                ["@type"] = "Place",
                ["name"] = LeeragendaFormat.Where(session),
            };
            if (!string.IsNullOrWhiteSpace(session.Place))
            {
                place["address"] = new JsonObject
                {
                    ["@type"] = "PostalAddress",
                    ["addressLocality"] = session.Place.Trim(),
                    ["addressCountry"] = "NL",
                };
            }
            locations.Add(place);
        }
        if (edition.HasOnlineSessions)
        {
            // The meeting link is for participants only; point at the offering's page.
            locations.Add(new JsonObject { ["@type"] = "VirtualLocation", ["url"] = url });
        }
        return locations.Count == 1 ? locations[0]!.DeepClone() : locations;
    }
}
