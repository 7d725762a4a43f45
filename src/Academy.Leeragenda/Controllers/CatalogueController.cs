using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Leeragenda.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Routing;

namespace Academy.Leeragenda.Controllers;

/// <summary>The names of the catalogue's query string (a GET form, so every result page has its own URL).</summary>
public static class CatalogueKeys
{
    public const string Query = "q";
    public const string Type = "type";
    public const string Theme = "thema";
    public const string Audience = "doelgroep";
    public const string Organiser = "organiser";
    public const string Form = "vorm";
    public const string Month = "month";
    public const string Place = "place";
    public const string Free = "gratis";
    public const string Page = "pagina";

    /// <summary>The order keys appear in generated links.</summary>
    public static readonly string[] All = [Query, Type, Theme, Audience, Organiser, Form, Month, Place, Free];
}

/// <summary>A filter in use, with the link that removes it.</summary>
public sealed record ActiveFilter(string Key, string Name, string Value, string RemoveUrl);

public sealed class CatalogueViewModel
{
    public required CatalogueFilter Filter { get; init; }
    public required CatalogueResult Result { get; init; }
    public required CatalogueOptions Options { get; init; }
    public required IReadOnlyDictionary<string, string> Values { get; init; }
    public required IReadOnlyList<ActiveFilter> ActiveFilters { get; init; }

    public string Value(string key) => Values.GetValueOrDefault(key, "");

    /// <summary>Route values of this search on another page (for Url.RouteUrl).</summary>
    public RouteValueDictionary PageValues(int page) => CatalogueController.LinkValues(Values, page: page);
}

[AllowAnonymous]
public sealed class CatalogueController(CatalogueQuery catalogue) : Controller
{
    [HttpGet("leeragenda", Name = LeeragendaRouteNames.Catalogue)]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var options = await catalogue.OptionsAsync(cancellationToken);
        var values = new Dictionary<string, string>();
        var active = new List<(string Key, string Name, string Label)>();

        string? Pick(string key, string name, IReadOnlyList<FilterOption> choices, bool ignoreCase = false)
        {
            var raw = Request.Query[key].ToString().Trim();
            var match = choices.FirstOrDefault(c => string.Equals(c.Value, raw, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal));
            if (raw.Length == 0 || match is null)
            {
                return null;
            }
            values[key] = match.Value;
            active.Add((key, name, match.Label));
            return match.Value;
        }

        var text = Request.Query[CatalogueKeys.Query].ToString().Trim();
        if (text.Length > 100)
        {
            text = text[..100];
        }
        if (text.Length > 0)
        {
            values[CatalogueKeys.Query] = text;
            active.Add((CatalogueKeys.Query, "Zoekwoorden", text));
        }
        var type = Pick(CatalogueKeys.Type, "Soort aanbod", options.Types);
        var theme = Pick(CatalogueKeys.Theme, "Thema", options.Themes);
        var audience = Pick(CatalogueKeys.Audience, "Doelgroep", options.Audiences);
        var organiser = Pick(CatalogueKeys.Organiser, "Organisator", options.Organisers);
        var form = Pick(CatalogueKeys.Form, "Vorm", options.Forms, ignoreCase: true);
        var month = Pick(CatalogueKeys.Month, "Maand", options.Months);
        var place = Pick(CatalogueKeys.Place, "Plaats", options.Places, ignoreCase: true);
        var free = Request.Query[CatalogueKeys.Free].ToString().Trim().ToLowerInvariant() is "1" or "true" or "on" or "ja";
        if (free)
        {
            values[CatalogueKeys.Free] = "1";
            active.Add((CatalogueKeys.Free, "Kosten", "Alleen gratis"));
        }
        var page = int.TryParse(Request.Query[CatalogueKeys.Page], out var p) && p > 0 ? p : 1;

        var filter = new CatalogueFilter
        {
            Query = text,
            Type = type,
            Theme = theme,
            Audience = audience,
            Organiser = organiser,
            Form = form,
            Month = month,
            Place = place,
            FreeOnly = free,
            Page = page,
        };
        var result = await catalogue.SearchAsync(filter, cancellationToken);
        return View(new CatalogueViewModel
        {
            Filter = filter,
            Result = result,
            Options = options,
            Values = values,
            ActiveFilters = active
                .Select(a => new ActiveFilter(a.Key, a.Name, a.Label, Url.RouteUrl(LeeragendaRouteNames.Catalogue, LinkValues(values, without: a.Key))!))
                .ToList(),
        });
    }

    /// <summary>The catalogue's route values with the given filter values, optionally without one of them and on a page.</summary>
    public static RouteValueDictionary LinkValues(IReadOnlyDictionary<string, string> values, string? without = null, int page = 1)
    {
        var link = new RouteValueDictionary();
        foreach (var key in CatalogueKeys.All.Where(k => k != without && values.TryGetValue(k, out var v) && v.Length > 0))
        {
            link[key] = values[key];
        }
        if (page > 1)
        {
            link[CatalogueKeys.Page] = page;
        }
        return link;
    }
}
