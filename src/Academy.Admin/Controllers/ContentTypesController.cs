using Academy.Core.Content;
using Academy.Core.Security;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Admin.Controllers;

/// <summary>Read-only: content types come from recipes.</summary>
[RequirePermission(AdminPermissions.ViewContentTypes)]
public sealed class ContentTypesController(ContentDefinitionManager definitions) : Controller
{
    [HttpGet("/admin/inhoudstypes", Name = "Admin.ContentTypes.Index")]
    public async Task<IActionResult> Index() =>
        View(new ContentTypesViewModel(await definitions.ListTypesAsync(), await definitions.ListPartsAsync()));
}

public sealed record ContentTypesViewModel(IReadOnlyList<ContentTypeDefinition> Types, IReadOnlyList<ContentPartDefinition> Parts);
