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
using Academy.Users.Abstractions;

namespace Academy.Leeragenda.Controllers.Admin;

/// <summary>
/// The leer-coördinator's admin for the aanbod: list, create, edit (drafts), preview, publish, unpublish
/// and delete. Everything is server-rendered and works without JavaScript: adding or removing groups and
/// sessions (and rows of other parts) is a submit button (name "command") that re-renders the posted form.
/// The Leeragenda's own parts are edited here; every other part of the type by its module's driver
/// (<see cref="ContentPartEditors"/>), so this editor knows no other module.
/// </summary>
[RequirePermission(LeeragendaPermissions.ManageOfferings)]
[Route("admin/aanbod")]
[RequestFormLimits(ValueCountLimit = OfferingAdminController.MaxFormValues)]
public sealed partial class OfferingAdminController(
    AcademyDbContext db,
    ContentManager contentManager,
    ContentDefinitionManager definitions,
    IOrganisationDirectory organisations,
    TaxonomyService taxonomies,
    ContentPartEditors partEditors,
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

    // ------------------------------------------------------------ create

    /// <summary>Choose the kind of offering; the radio group submits here with ?type=.</summary>
    [HttpGet("nieuw", Name = LeeragendaRouteNames.AdminChooseType)]
    public async Task<IActionResult> ChooseType(string? type)
    {
        var types = (await OfferingTypesAsync()).Where(t => t.Settings.Creatable).ToList();
        if (types.FirstOrDefault(t => t.Name == type) is { } chosen)
        {
            return RedirectToRoute(LeeragendaRouteNames.AdminCreate, new { type = chosen.Name });
        }
        var error = Request.Query.ContainsKey("type") ? T["Kies een soort aanbod."].Value : null;
        return View(new ChooseTypeViewModel { Types = types, Error = error });
    }

    [HttpGet("nieuw/{type}", Name = LeeragendaRouteNames.AdminCreate)]
    public async Task<IActionResult> Create(string type)
    {
        if (await CreatableTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }
        var item = await contentManager.NewAsync(definition.Name);
        var errors = new FormErrors();
        return await EditView(item, definition, isNew: true, OfferingFormMapper.NewForm(definition), partEditors.Edit(item, definition, true, errors), errors);
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

    [HttpGet("{id}", Name = LeeragendaRouteNames.AdminEdit)]
    public async Task<IActionResult> Edit(string id)
    {
        if (await LoadAsync(id) is not (var item, var type))
        {
            return NotFound();
        }
        var errors = new FormErrors();
        return await EditView(item, type, isNew: false, OfferingFormMapper.FromItem(item, type), partEditors.Edit(item, type, false, errors), errors);
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
        OfferingFormMapper.Normalize(input, type);
        var errors = new FormErrors();
        var editors = await partEditors.BindAsync(type, (model, modelType) => TryUpdateModelAsync(model, modelType, ""), errors);
        ModelState.Clear();
        command ??= "save-draft";
        if (command is not ("save-draft" or "save-publish" or "preview"))
        {
            // A row command of a part's editor (add a group, remove a session, …), or an unknown or stale one:
            // show the form again, nothing lost and nothing saved.
            var handled = ContentPartEditors.Command(editors, command);
            return await EditView(item, type, isNew, input, editors, errors, handled?.FocusId, handled?.Notice);
        }

        var publish = command == "save-publish";
        if (publish && !CanPublish())
        {
            return Forbid();
        }

        var original = isNew ? null : item.Content.DeepClone();
        var map = new OfferingFormMapper(T).ApplyTo(input, item, type, errors);
        await ContentPartEditors.UpdateAsync(editors, item);
        var validation = await contentManager.ValidateAsync(item);
        OfferingFormMapper.AddValidation(validation.Errors, type, map, errors, editors);
        if (errors.Any)
        {
            return await EditView(item, type, isNew, input, editors, errors);
        }

        if (original is not null && !publish && System.Text.Json.Nodes.JsonNode.DeepEquals(original, item.Content))
        {
            // Saving an unchanged form would only start an identical draft of a published item.
            TempData[NoticeKey] = T["Er waren geen wijzigingen, dus er is niets opgeslagen."].Value;
            return AfterSave(item, command);
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
            OfferingFormMapper.AddValidation(exception.Result.Errors, type, map, errors, editors);
            return await EditView(item, type, isNew, input, editors, errors);
        }

        var title = item.As<TitlePart>().Title;
        TempData[NoticeKey] = publish
            ? T["'{0}' is opgeslagen en gepubliceerd.", title].Value
            : T["'{0}' is opgeslagen als concept.", title].Value;
        return AfterSave(item, command);
    }

    /// <summary>After saving: the preview when asked for, otherwise the editor again.</summary>
    private RedirectToRouteResult AfterSave(ContentItem item, string command) =>
        RedirectToRoute(command == "preview" ? LeeragendaRouteNames.AdminPreview : LeeragendaRouteNames.AdminEdit, new { id = item.ContentItemId });

    private async Task<IActionResult> EditView(ContentItem item, ContentTypeDefinition type, bool isNew, OfferingInput input,
        IReadOnlyList<PartEditor> editors, FormErrors errors, string? focusId = null, string? notice = null)
    {
        await ContentPartEditors.PrepareAsync(editors);
        var status = isNew ? (OfferingStatus?)null : await StatusAsync(item.ContentItemId);
        string? publicPath = null;
        if (status is OfferingStatus.Published or OfferingStatus.PublishedWithDraft
            && await contentManager.GetAsync(item.ContentItemId, VersionOptions.Published) is { } published
            && published.As<AutoroutePart>().Path is { Length: > 0 } slug)
        {
            publicPath = Url.RouteUrl(LeeragendaRouteNames.OfferingDetail, new { slug });
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
            FormAction = (isNew
                ? Url.RouteUrl(LeeragendaRouteNames.AdminCreate, new { type = type.Name })
                : Url.RouteUrl(LeeragendaRouteNames.AdminEdit, new { id = item.ContentItemId }))!,
            Status = status,
            PublicPath = publicPath,
            CanPublish = CanPublish(),
            FocusId = focusId,
            Notice = notice ?? TempData[NoticeKey] as string,
            ErrorNotice = TempData[ErrorNoticeKey] as string,
            SavedTitle = isNew ? null : (await db.ContentItems.AsNoTracking()
                .Where(r => r.ContentItemId == item.ContentItemId && r.Latest).Select(r => r.DisplayText).FirstOrDefaultAsync()),
            PartEditors = editors,
            PickerOptions = type.Fields.Any(f => f.Type == nameof(ContentPickerField))
                ? await PublishedOfferingsAsync(item.ContentItemId)
                : [],
        };
        Response.StatusCode = StatusCodes.Status200OK;
        return View("Edit", model);
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
