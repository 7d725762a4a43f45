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
        return await EditViewAsync(definition, item, isNew: true, partEditors.Edit(item, definition, true, new FormErrors()), new FormErrors());
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
        return await EditViewAsync(definition, item, isNew: false, partEditors.Edit(item, definition, false, new FormErrors()), new FormErrors());
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
                    errors.Add(ContentPartEditors.FieldFor(editors, key), message);
                }
            }
        }
        return await EditViewAsync(type, item, isNew, editors, errors);
    }

    private async Task<IActionResult> EditViewAsync(ContentTypeDefinition type, ContentItem item, bool isNew,
        IReadOnlyList<PartEditor> editors, FormErrors errors)
    {
        await ContentPartEditors.PrepareAsync(editors);
        var summary = ContentPartEditors.ErrorSummary(editors, errors);
        Response.StatusCode = errors.Any ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK;
        return View("Edit", new WerkcentrumEditModel
        {
            Type = type, Item = item, IsNew = isNew,
            Editors = editors, Errors = errors, Summary = summary,
        });
    }
}
