using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Recipes;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.Leeragenda.Models;
using Academy.Leeragenda.Services;
using Academy.Leeragenda.ViewModels.Admin;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Academy.Leeragenda.Controllers.Admin;

/// <summary>The list of the aanbod, the preview, and publishing, unpublishing and deleting an offering.</summary>
public sealed partial class OfferingAdminController
{
    // ------------------------------------------------------------ list

    [HttpGet("", Name = LeeragendaRouteNames.AdminIndex)]
    public async Task<IActionResult> Index(string? q, string? type, string? status, string? page)
    {
        var types = await OfferingTypesAsync();
        var typeNames = types.Select(t => t.Name).ToList();
        var query = db.ContentItems.AsNoTracking().Where(r => r.Latest && typeNames.Contains(r.ContentType));

        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (q is not null)
        {
            var lowered = q.ToLowerInvariant();
            query = query.Where(r => r.DisplayText != null && r.DisplayText.ToLower().Contains(lowered));
        }
        type = types.FirstOrDefault(t => t.Name == type)?.Name;
        if (type is not null)
        {
            query = query.Where(r => r.ContentType == type);
        }
        var publishedIds = db.ContentItems.Where(r => r.Published).Select(r => r.ContentItemId);
        status = status is "concept" or "gepubliceerd" or "gewijzigd" ? status : null;
        query = status switch
        {
            "concept" => query.Where(r => !r.Published && !publishedIds.Contains(r.ContentItemId)),
            "gepubliceerd" => query.Where(r => r.Published),
            "gewijzigd" => query.Where(r => !r.Published && publishedIds.Contains(r.ContentItemId)),
            _ => query,
        };

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var pageNumber = int.TryParse(page, out var p) ? Math.Clamp(p, 1, pageCount) : 1;
        var records = await query.OrderByDescending(r => r.ModifiedUtc).ThenBy(r => r.Id)
            .Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
        var ids = records.Select(r => r.ContentItemId).ToList();
        var hasPublished = (await db.ContentItems.AsNoTracking().Where(r => r.Published && ids.Contains(r.ContentItemId))
            .Select(r => r.ContentItemId).ToListAsync()).ToHashSet();
        var now = clock.GetUtcNow().UtcDateTime;

        var rows = records.Select(ContentManager.ToItem).Select(item => new OfferingListRow(
            item.ContentItemId,
            string.IsNullOrWhiteSpace(item.DisplayText) ? T["(zonder titel)"] : item.DisplayText!,
            item.ContentType,
            types.FirstOrDefault(t => t.Name == item.ContentType)?.DisplayName ?? item.ContentType,
            item.Published ? OfferingStatus.Published : hasPublished.Contains(item.ContentItemId) ? OfferingStatus.PublishedWithDraft : OfferingStatus.Concept,
            NextSession(item, now),
            item.ModifiedUtc)).ToList();

        return View(new OfferingListViewModel
        {
            Query = q,
            Type = type,
            Status = status,
            Page = pageNumber,
            PageCount = pageCount,
            Total = total,
            Types = types,
            Rows = rows,
            Notice = TempData[NoticeKey] as string,
            CanCreate = types.Any(t => t.Settings.Creatable),
        });
    }

    private static DateTime? NextSession(ContentItem item, DateTime now)
    {
        try
        {
            return item.As<EditionsPart>().Editions.SelectMany(e => e.Sessions)
                .Select(s => DateTime.SpecifyKind(s.Start, DateTimeKind.Utc))
                .Where(start => start >= now).Order().Cast<DateTime?>().FirstOrDefault();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // ------------------------------------------------------------ preview

    [HttpGet("{id}/voorbeeld", Name = LeeragendaRouteNames.AdminPreview)]
    public async Task<IActionResult> Preview(string id)
    {
        if (await LoadAsync(id) is not (var item, var type))
        {
            return NotFound();
        }
        var offering = item.As<OfferingPart>();
        var organiser = offering.OrganiserId is { Length: > 0 } organiserId ? await organisations.GetAsync(organiserId) : null;
        var themes = new List<string>();
        foreach (var termId in offering.Themes)
        {
            themes.Add(await taxonomies.NameAsync(TaxonomyService.Themes, termId));
        }
        var audiences = new List<string>();
        foreach (var termId in offering.Audiences)
        {
            audiences.Add(await taxonomies.NameAsync(TaxonomyService.Audiences, termId));
        }
        var fields = new List<PreviewField>();
        var input = OfferingFormMapper.FromItem(item, type);
        var pickerTitles = (await PublishedOfferingsAsync(null)).ToDictionary(o => o.ContentItemId, o => o.Title);
        foreach (var (definition, field) in type.Fields.Zip(input.Fields!))
        {
            var preview = definition.Type switch
            {
                nameof(BooleanField) => new PreviewField(definition.DisplayName, field.Value == "true" ? T["Ja"] : T["Nee"], null),
                nameof(LinkField) => field.Url is null ? null
                    : new PreviewField(definition.DisplayName, field.Text ?? field.Url, DutchInput.IsWebAddress(field.Url) ? field.Url : null),
                nameof(ContentPickerField) => field.Value is null ? null
                    : new PreviewField(definition.DisplayName, pickerTitles.GetValueOrDefault(field.Value, field.Value), null),
                _ => string.IsNullOrEmpty(field.Value) ? null : new PreviewField(definition.DisplayName, field.Value, null),
            };
            if (preview is not null)
            {
                fields.Add(preview);
            }
        }
        return View(new OfferingPreviewViewModel
        {
            ContentItemId = item.ContentItemId,
            Title = item.As<TitlePart>().Title,
            TypeDisplayName = type.DisplayName,
            IsPublishedVersion = item.Published,
            Summary = offering.Summary,
            BodyHtml = markdown.ToHtml(item.As<MarkdownBodyPart>().Markdown),
            Organiser = organiser?.Name,
            Themes = themes,
            Audiences = audiences,
            Form = offering.Form switch
            {
                OfferingForm.Online => T["Online"],
                OfferingForm.Hybride => T["Hybride"],
                _ => T["Fysiek"],
            },
            CostEuros = offering.CostEuros,
            CostNote = offering.CostNote,
            Slug = item.As<AutoroutePart>().Path,
            Fields = fields,
            Editions = item.As<EditionsPart>().Editions.Select(e => new PreviewEdition(e.Name, e.Capacity,
                e.Sessions.OrderBy(s => s.Start).Select(s => new PreviewSession(
                    AmsterdamTime.ToLocal(s.Start), AmsterdamTime.ToLocal(s.End), s.Location, s.Place, s.OnlineUrl)).ToList(),
                e.TrainerEmails)).ToList(),
            ModifiedUtc = item.ModifiedUtc,
            PartDisplays = await partEditors.DisplayAsync(item, type, "Preview"),
        });
    }

    // ------------------------------------------------------------ publish, unpublish, delete

    [HttpPost("{id}/publiceren", Name = LeeragendaRouteNames.AdminPublish)]
    [RequirePermission(LeeragendaPermissions.PublishOfferings)]
    public async Task<IActionResult> Publish(string id)
    {
        if (await LoadAsync(id) is not (var item, _))
        {
            return NotFound();
        }
        try
        {
            await contentManager.PublishAsync(id, User.Identity?.Name);
            TempData[NoticeKey] = T["'{0}' is gepubliceerd.", item.DisplayText ?? id].Value;
        }
        catch (ContentValidationException exception)
        {
            TempData[ErrorNoticeKey] = T["'{0}' is niet gepubliceerd: {1} Pas het aanbod aan en probeer het opnieuw.",
                item.DisplayText ?? id, string.Join(" ", exception.Result.Errors.Select(e => e.Value))].Value;
        }
        return RedirectToRoute(LeeragendaRouteNames.AdminEdit, new { id });
    }

    [HttpPost("{id}/depubliceren", Name = LeeragendaRouteNames.AdminUnpublish)]
    [RequirePermission(LeeragendaPermissions.PublishOfferings)]
    public async Task<IActionResult> Unpublish(string id)
    {
        if (await LoadAsync(id) is not (var item, _))
        {
            return NotFound();
        }
        TempData[NoticeKey] = await contentManager.UnpublishAsync(id)
            ? T["'{0}' is gedepubliceerd en staat niet meer in de leeragenda.", item.DisplayText ?? id].Value
            : T["'{0}' was niet gepubliceerd.", item.DisplayText ?? id].Value;
        return RedirectToRoute(LeeragendaRouteNames.AdminEdit, new { id });
    }

    [HttpGet("{id}/verwijderen", Name = LeeragendaRouteNames.AdminDelete)]
    [RequirePermission(LeeragendaPermissions.PublishOfferings)]
    public async Task<IActionResult> Delete(string id)
    {
        if (await LoadAsync(id) is not (var item, var type))
        {
            return NotFound();
        }
        return View(new OfferingDeleteViewModel
        {
            ContentItemId = id,
            Title = item.DisplayText ?? id,
            TypeDisplayName = type.DisplayName,
            IsPublished = await StatusAsync(id) is not OfferingStatus.Concept,
        });
    }

    [HttpPost("{id}/verwijderen")]
    [ActionName(nameof(Delete))]
    [RequirePermission(LeeragendaPermissions.PublishOfferings)]
    public async Task<IActionResult> DeleteConfirmed(string id)
    {
        if (await LoadAsync(id) is not (var item, _))
        {
            return NotFound();
        }
        await contentManager.RemoveAsync(id);
        TempData[NoticeKey] = T["'{0}' is verwijderd.", item.DisplayText ?? id].Value;
        return RedirectToRoute(LeeragendaRouteNames.AdminIndex);
    }
}
