using Academy.Core.Content;
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
using Academy.Accreditation.Abstractions;
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.Controllers.Admin;

/// <summary>
/// The leer-coördinator's admin for the aanbod: list, create, edit (drafts), preview, publish, unpublish
/// and delete. Everything is server-rendered and works without JavaScript: adding or removing groups and
/// sessions (and accreditations) is a submit button (name "command") that re-renders the posted form.
/// </summary>
[RequirePermission(LeeragendaPermissions.ManageOfferings)]
[Route("admin/aanbod")]
[RequestFormLimits(ValueCountLimit = OfferingAdminController.MaxFormValues)]
public sealed class OfferingAdminController(
    AcademyDbContext db,
    ContentManager contentManager,
    ContentDefinitionManager definitions,
    IOrganisationDirectory organisations,
    TaxonomyService taxonomies,
    IRegisterDirectory registers,
    MarkdownRenderer markdown,
    TimeProvider clock,
    IStringLocalizer<OfferingAdminController> T) : Controller
{
    public const int PageSize = 25;
    /// <summary>A programme with many sessions has many fields (8 per session); the default limit is 1024.</summary>
    public const int MaxFormValues = 20_000;
    public const string OfferingStereotype = "Offering";
    private const string NoticeKey = "OfferingAdmin.Notice";
    private const string ErrorNoticeKey = "OfferingAdmin.Error";

    // ------------------------------------------------------------ list

    [HttpGet("")]
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

    // ------------------------------------------------------------ create

    /// <summary>Choose the kind of offering; the radio group submits here with ?type=.</summary>
    [HttpGet("nieuw")]
    public async Task<IActionResult> ChooseType(string? type)
    {
        var types = (await OfferingTypesAsync()).Where(t => t.Settings.Creatable).ToList();
        if (types.FirstOrDefault(t => t.Name == type) is { } chosen)
        {
            return Redirect($"/admin/aanbod/nieuw/{Uri.EscapeDataString(chosen.Name)}");
        }
        var error = Request.Query.ContainsKey("type") ? T["Kies een soort aanbod."].Value : null;
        return View(new ChooseTypeViewModel { Types = types, Error = error });
    }

    [HttpGet("nieuw/{type}")]
    public async Task<IActionResult> Create(string type)
    {
        if (await CreatableTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }
        var item = await contentManager.NewAsync(definition.Name);
        return await EditView(item, definition, isNew: true, OfferingFormMapper.NewForm(definition), new FormErrors());
    }

    [HttpPost("nieuw/{type}")]
    public async Task<IActionResult> Create(string type, OfferingInput input, string? command)
    {
        if (await CreatableTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }
        var item = await contentManager.NewAsync(definition.Name);
        item.Owner = User.Identity?.Name;
        return await SubmitAsync(item, definition, isNew: true, input, command);
    }

    // ------------------------------------------------------------ edit

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await LoadAsync(id) is not (var item, var type))
        {
            return NotFound();
        }
        return await EditView(item, type, isNew: false, OfferingFormMapper.FromItem(item, type), new FormErrors());
    }

    [HttpPost("{id}")]
    public async Task<IActionResult> Edit(string id, OfferingInput input, string? command)
    {
        if (await LoadAsync(id) is not (var item, var type))
        {
            return NotFound();
        }
        return await SubmitAsync(item, type, isNew: false, input, command);
    }

    private async Task<IActionResult> SubmitAsync(ContentItem item, ContentTypeDefinition type, bool isNew, OfferingInput input, string? command)
    {
        // Everything is bound as text and parsed below; binding errors (if any) are not ours to show.
        ModelState.Clear();
        OfferingFormMapper.Normalize(input, type);
        var editions = input.Editions!;
        var accreditations = input.Accreditations!;
        var parts = (command ?? "save-draft").Split(':');
        int Index(int position) => parts.Length > position && int.TryParse(parts[position], out var n) ? n : -1;

        switch (parts[0])
        {
            case "add-edition":
                editions.Add(OfferingFormMapper.NewEdition());
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: FormNames.Id(FormNames.Edition(editions.Count - 1, "Name")),
                    notice: T["Groep {0} is toegevoegd.", editions.Count]);
            case "add-session" when Index(1) is var e && e >= 0 && e < editions.Count:
                editions[e].Sessions!.Add(new SessionInput());
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: FormNames.Id(FormNames.Session(e, editions[e].Sessions!.Count - 1, "Date")),
                    notice: T["Bijeenkomst {0} is toegevoegd aan groep {1}.", editions[e].Sessions!.Count, e + 1]);
            case "remove-edition" when Index(1) is var e && e >= 0 && e < editions.Count:
                editions.RemoveAt(e);
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: "groep-toevoegen",
                    notice: T["Groep {0} is verwijderd. De wijziging is nog niet opgeslagen.", e + 1]);
            case "remove-session" when Index(1) is var e && e >= 0 && e < editions.Count
                                       && Index(2) is var s && s >= 0 && s < editions[e].Sessions!.Count:
                editions[e].Sessions!.RemoveAt(s);
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: $"bijeenkomst-toevoegen-{e + 1}",
                    notice: T["Bijeenkomst {0} van groep {1} is verwijderd. De wijziging is nog niet opgeslagen.", s + 1, e + 1]);
            case "add-accreditation":
                accreditations.Add(new AccreditationInput());
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: FormNames.Id(FormNames.Accreditation(accreditations.Count - 1, "RegisterId")),
                    notice: T["Accreditatie {0} is toegevoegd.", accreditations.Count]);
            case "remove-accreditation" when Index(1) is var a && a >= 0 && a < accreditations.Count:
                accreditations.RemoveAt(a);
                return await EditView(item, type, isNew, input, new FormErrors(),
                    focusId: "accreditatie-toevoegen",
                    notice: T["Accreditatie {0} is verwijderd. De wijziging is nog niet opgeslagen.", a + 1]);
            case "save-draft" or "save-publish" or "preview":
                break;
            default:
                // An unknown or stale command (e.g. a row that no longer exists): show the form again, nothing lost.
                return await EditView(item, type, isNew, input, new FormErrors());
        }

        var publish = parts[0] == "save-publish";
        if (publish && !CanPublish())
        {
            return Forbid();
        }

        var original = isNew ? null : item.Content.DeepClone();
        var errors = new FormErrors();
        var mapper = new OfferingFormMapper(T, await registers.ListAsync());
        var map = mapper.ApplyTo(input, item, type, errors);
        var validation = await contentManager.ValidateAsync(item);
        OfferingFormMapper.AddValidation(validation.Errors, type, map, errors);
        if (errors.Any)
        {
            return await EditView(item, type, isNew, input, errors);
        }

        if (original is not null && !publish && System.Text.Json.Nodes.JsonNode.DeepEquals(original, item.Content))
        {
            // Saving an unchanged form would only start an identical draft of a published item.
            TempData[NoticeKey] = T["Er waren geen wijzigingen, dus er is niets opgeslagen."].Value;
            return parts[0] == "preview"
                ? Redirect($"/admin/aanbod/{item.ContentItemId}/voorbeeld")
                : Redirect($"/admin/aanbod/{item.ContentItemId}");
        }

        try
        {
            var author = User.Identity?.Name;
            if (publish)
            {
                await contentManager.SaveAndPublishAsync(item, author);
            }
            else
            {
                await contentManager.SaveDraftAsync(item, author);
            }
        }
        catch (ContentValidationException exception)
        {
            OfferingFormMapper.AddValidation(exception.Result.Errors, type, map, errors);
            return await EditView(item, type, isNew, input, errors);
        }

        var title = item.As<TitlePart>().Title;
        TempData[NoticeKey] = publish
            ? T["'{0}' is opgeslagen en gepubliceerd.", title].Value
            : T["'{0}' is opgeslagen als concept.", title].Value;
        return parts[0] == "preview"
            ? Redirect($"/admin/aanbod/{item.ContentItemId}/voorbeeld")
            : Redirect($"/admin/aanbod/{item.ContentItemId}");
    }

    private async Task<IActionResult> EditView(ContentItem item, ContentTypeDefinition type, bool isNew, OfferingInput input,
        FormErrors errors, string? focusId = null, string? notice = null)
    {
        var status = isNew ? (OfferingStatus?)null : await StatusAsync(item.ContentItemId);
        string? publicPath = null;
        if (status is OfferingStatus.Published or OfferingStatus.PublishedWithDraft
            && await contentManager.GetAsync(item.ContentItemId, VersionOptions.Published) is { } published
            && published.As<AutoroutePart>().Path is { Length: > 0 } slug)
        {
            publicPath = "/leeragenda/" + slug;
        }
        if (errors.Any)
        {
            focusId = null;
        }
        var model = new OfferingEditViewModel
        {
            IsNew = isNew,
            ContentItemId = item.ContentItemId,
            Type = type,
            Input = input,
            Errors = errors,
            FormAction = isNew ? $"/admin/aanbod/nieuw/{type.Name}" : $"/admin/aanbod/{item.ContentItemId}",
            Status = status,
            PublicPath = publicPath,
            CanPublish = CanPublish(),
            FocusId = focusId,
            Notice = notice ?? TempData[NoticeKey] as string,
            ErrorNotice = TempData[ErrorNoticeKey] as string,
            SavedTitle = isNew ? null : (await db.ContentItems.AsNoTracking()
                .Where(r => r.ContentItemId == item.ContentItemId && r.Latest).Select(r => r.DisplayText).FirstOrDefaultAsync()),
            Organisations = await organisations.ListAsync(),
            ThemeTerms = await taxonomies.TermsAsync(TaxonomyService.Themes),
            AudienceTerms = await taxonomies.TermsAsync(TaxonomyService.Audiences),
            Registers = await registers.ListAsync(),
            PickerOptions = type.Fields.Any(f => f.Type == nameof(ContentPickerField))
                ? await PublishedOfferingsAsync(item.ContentItemId)
                : [],
        };
        Response.StatusCode = StatusCodes.Status200OK;
        return View("Edit", model);
    }

    // ------------------------------------------------------------ preview

    [HttpGet("{id}/voorbeeld")]
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
            CompletionText = offering.CompletionRule switch
            {
                CompletionRuleKind.MinimumPercent => T.GetString("Minimaal {0} % van de tijd aanwezig", offering.CompletionPercent ?? 0),
                CompletionRuleKind.MarkedComplete => T["Handmatig afgemeld (bijvoorbeeld e-learning)"],
                _ => T["Alle bijeenkomsten bijgewoond"],
            },
            Accreditations = offering.Accreditations,
            Registers = await registers.ListAsync(),
        });
    }

    // ------------------------------------------------------------ publish, unpublish, delete

    [HttpPost("{id}/publiceren")]
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
        return Redirect($"/admin/aanbod/{id}");
    }

    [HttpPost("{id}/depubliceren")]
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
        return Redirect($"/admin/aanbod/{id}");
    }

    [HttpGet("{id}/verwijderen")]
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
        return Redirect("/admin/aanbod");
    }

    // ------------------------------------------------------------ helpers

    private bool CanPublish() => User.HasClaim(PermissionClaim.Type, LeeragendaPermissions.PublishOfferings);

    private async Task<IReadOnlyList<ContentTypeDefinition>> OfferingTypesAsync() =>
        await definitions.ListTypesByStereotypeAsync(OfferingStereotype);

    private async Task<ContentTypeDefinition?> CreatableTypeAsync(string type) =>
        (await OfferingTypesAsync()).FirstOrDefault(t => t.Name == type && t.Settings.Creatable);

    /// <summary>The latest version of an offering and its type, or null when there is no such offering.</summary>
    private async Task<(ContentItem Item, ContentTypeDefinition Type)?> LoadAsync(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
        {
            return null;
        }
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null || await definitions.GetTypeAsync(item.ContentType) is not { Stereotype: OfferingStereotype } type)
        {
            return null;
        }
        return (item, type);
    }

    private async Task<OfferingStatus> StatusAsync(string id)
    {
        var versions = await db.ContentItems.AsNoTracking()
            .Where(r => r.ContentItemId == id && (r.Latest || r.Published))
            .Select(r => new { r.Latest, r.Published }).ToListAsync();
        if (versions.Any(v => v.Latest && v.Published))
        {
            return OfferingStatus.Published;
        }
        return versions.Any(v => v.Published) ? OfferingStatus.PublishedWithDraft : OfferingStatus.Concept;
    }

    private async Task<IReadOnlyList<PickerOption>> PublishedOfferingsAsync(string? exceptId)
    {
        var typeNames = (await OfferingTypesAsync()).Select(t => t.Name).ToList();
        var options = await db.ContentItems.AsNoTracking()
            .Where(r => r.Published && typeNames.Contains(r.ContentType) && r.ContentItemId != exceptId)
            .Select(r => new { r.ContentItemId, r.DisplayText }).ToListAsync();
        return options
            .Select(o => new PickerOption(o.ContentItemId, o.DisplayText ?? o.ContentItemId))
            .OrderBy(o => o.Title, StringComparer.Create(DutchInput.Culture, ignoreCase: true))
            .ToList();
    }
}
