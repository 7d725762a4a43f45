using Academy.Core.Content;
using Academy.Core.Content.Display;
using Academy.Core.Security;
using Academy.Werkcentrum.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Werkcentrum.Controllers.Admin;

/// <summary>
/// The back office of the Werkcentrum pages: a list per content type and one editor for all four types, composed of the
/// part drivers of the type (<see cref="ContentPartEditors"/>). Saving publishes at once (the types are not draftable).
/// </summary>
[RequirePermission(WerkcentrumPermissions.ManageWerkcentrum)]
public sealed class WerkcentrumAdminController(
    ContentManager contentManager,
    ContentDefinitionManager definitions,
    ContentPartEditors partEditors,
    IStringLocalizer<WerkcentrumAdminController> T) : Controller
{
    private const string NoticeKey = "WerkcentrumNotice";

    [HttpGet("/admin/werkcentrum", Name = "Werkcentrum.Admin.Index")]
    public async Task<IActionResult> Index()
    {
        var lists = new List<AdminTypeList>();
        foreach (var definition in WerkcentrumTypes.Definitions())
        {
            var type = await definitions.GetTypeAsync(definition.Name) ?? definition;
            lists.Add(new AdminTypeList(type, await contentManager.ListByTypeAsync(type.Name, VersionOptions.Latest)));
        }
        return View(new WerkcentrumAdminIndexModel(lists, TempData[NoticeKey] as string));
    }

    [HttpGet("/admin/werkcentrum/nieuw/{type}", Name = "Werkcentrum.Admin.Create")]
    public async Task<IActionResult> Create(string type)
    {
        if (!WerkcentrumTypes.IsOwn(type) || await definitions.GetTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }
        var item = await contentManager.NewAsync(type);
        return await EditViewAsync(definition, item, isNew: true, BaseOf(item, definition), partEditors.Edit(item, definition, true, new FormErrors()), new FormErrors());
    }

    [HttpPost("/admin/werkcentrum/nieuw/{type}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> CreatePost(string type)
    {
        if (!WerkcentrumTypes.IsOwn(type) || await definitions.GetTypeAsync(type) is not { } definition)
        {
            return NotFound();
        }
        return await SaveAsync(definition, await contentManager.NewAsync(type), isNew: true);
    }

    [HttpGet("/admin/werkcentrum/{id}", Name = "Werkcentrum.Admin.Edit")]
    public async Task<IActionResult> Edit(string id)
    {
        if (await LoadAsync(id) is not var (item, definition))
        {
            return NotFound();
        }
        return await EditViewAsync(definition, item, isNew: false, BaseOf(item, definition), partEditors.Edit(item, definition, false, new FormErrors()), new FormErrors());
    }

    [HttpPost("/admin/werkcentrum/{id}")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> EditPost(string id)
    {
        if (await LoadAsync(id) is not var (item, definition))
        {
            return NotFound();
        }
        return await SaveAsync(definition, item, isNew: false);
    }

    [HttpPost("/admin/werkcentrum/{id}/verwijderen", Name = "Werkcentrum.Admin.Delete")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Delete(string id)
    {
        if (await LoadAsync(id) is not var (item, _))
        {
            return NotFound();
        }
        await contentManager.RemoveAsync(id);
        TempData[NoticeKey] = T["'{0}' is verwijderd.", item.DisplayText ?? id].Value;
        return RedirectToRoute("Werkcentrum.Admin.Index");
    }

    private async Task<(ContentItem, ContentTypeDefinition)?> LoadAsync(string id)
    {
        var item = await contentManager.GetAsync(id, VersionOptions.Latest);
        if (item is null || !WerkcentrumTypes.IsOwn(item.ContentType) || await definitions.GetTypeAsync(item.ContentType) is not { } definition)
        {
            return null;
        }
        return (item, definition);
    }

    private async Task<IActionResult> SaveAsync(ContentTypeDefinition type, ContentItem item, bool isNew)
    {
        var errors = new FormErrors();
        var editors = await partEditors.BindAsync(type, (model, modelType) => TryUpdateModelAsync(model, modelType, ""), errors);
        BaseContentInput? baseInput = null;
        if (!HasCoreDrivers(type))
        {
            baseInput = new BaseContentInput();
            await TryUpdateModelAsync(baseInput, "");
            ApplyBase(baseInput, item, type, errors);
        }
        ModelState.Clear();
        await ContentPartEditors.UpdateAsync(editors, item);
        if (!errors.Any)
        {
            try
            {
                item.Owner ??= User.Identity?.Name;
                await contentManager.SaveAndPublishAsync(item, User.Identity?.Name);
                TempData[NoticeKey] = T["'{0}' is opgeslagen en staat op de website.", item.DisplayText ?? ""].Value;
                return RedirectToRoute("Werkcentrum.Admin.Index");
            }
            catch (ContentValidationException exception)
            {
                foreach (var (key, message) in exception.Result.Errors)
                {
                    var field = key switch
                    {
                        "TitlePart.Title" when baseInput is not null => nameof(BaseContentInput.Title),
                        "AutoroutePart.Path" when baseInput is not null => nameof(BaseContentInput.Path),
                        _ => ContentPartEditors.FieldFor(editors, key),
                    };
                    errors.Add(field, message);
                }
            }
        }
        return await EditViewAsync(type, item, isNew, baseInput, editors, errors);
    }

    private async Task<IActionResult> EditViewAsync(ContentTypeDefinition type, ContentItem item, bool isNew, BaseContentInput? baseInput,
        IReadOnlyList<PartEditor> editors, FormErrors errors)
    {
        await ContentPartEditors.PrepareAsync(editors);
        var order = (baseInput is null ? [] : new[] { nameof(BaseContentInput.Title), nameof(BaseContentInput.Path), nameof(BaseContentInput.Markdown) })
            .Concat(editors.SelectMany(e => e.Driver.FieldOrder(e.Input))).ToList();
        var summary = errors.General.Select(m => ((string?)null, m))
            .Concat(errors.Fields.OrderBy(f => order.IndexOf(f.Key) is var i && i < 0 ? int.MaxValue : i)
                .Select(f => ((string?)(editors.FirstOrDefault(e => e.Driver.FieldOrder(e.Input).Contains(f.Key))?.Driver.TargetId(f.Key) ?? FormNames.Id(f.Key)), f.Value)))
            .ToList();
        Response.StatusCode = errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return View("Edit", new WerkcentrumEditModel
        {
            Type = type, Item = item, IsNew = isNew, Base = baseInput, HasPath = type.Parts.Contains(nameof(AutoroutePart)),
            Editors = editors, Errors = errors, Summary = summary,
        });
    }

    /// <summary>True when Core registers an editor for the title (then also for address and body).</summary>
    private bool HasCoreDrivers(ContentTypeDefinition type) => partEditors.DriversFor(type).Any(d => d.PartName == nameof(TitlePart));

    private BaseContentInput? BaseOf(ContentItem item, ContentTypeDefinition type) => HasCoreDrivers(type) ? null : new BaseContentInput
    {
        Title = item.As<TitlePart>().Title,
        Path = item.As<AutoroutePart>().Path,
        Markdown = item.As<MarkdownBodyPart>().Markdown,
    };

    private void ApplyBase(BaseContentInput input, ContentItem item, ContentTypeDefinition type, FormErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add(nameof(input.Title), T["Vul een titel in."]);
        }
        item.Apply(new TitlePart { Title = (input.Title ?? "").Trim() });
        if (type.Parts.Contains(nameof(AutoroutePart)))
        {
            item.Apply(new AutoroutePart { Path = (input.Path ?? "").Trim().ToLowerInvariant() });
        }
        item.Apply(new MarkdownBodyPart { Markdown = input.Markdown ?? "" });
    }
}
