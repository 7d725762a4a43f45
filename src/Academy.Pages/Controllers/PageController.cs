using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Text;
using Academy.Pages.Services;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace Academy.Pages.Controllers;

public sealed class PageViewModel
{
    public required ContentItem Item { get; init; }
    public required string Title { get; init; }
    public required string Slug { get; init; }
    /// <summary>Sanitised HTML of the Markdown body.</summary>
    public required string BodyHtml { get; init; }
}

/// <summary>Published pages at /{slug}; the route runs last, so every module's own routes win.</summary>
[AllowAnonymous]
public sealed class PageController(PageReader pages, MarkdownRenderer markdown) : Controller
{
    [HttpGet("/{slug:" + PageSlugConstraint.Name + "}", Order = 1000, Name = "Pages.Page")]
    [OutputCache(Tags = [OutputCacheTags.Content], VaryByQueryKeys = ["*"], Duration = 300)]
    public async Task<IActionResult> Display(string slug, CancellationToken cancellationToken)
    {
        var item = await pages.BySlugAsync(slug, cancellationToken);
        if (item is null)
        {
            return NotFound();
        }
        return View(new PageViewModel
        {
            Item = item,
            Title = item.As<TitlePart>().Title is { Length: > 0 } title ? title : item.DisplayText ?? slug,
            Slug = slug,
            BodyHtml = RichText.WithUtrechtClasses(markdown.ToHtml(item.As<MarkdownBodyPart>().Markdown)),
        });
    }
}
