using Academy.Core.Settings;
using Academy.Pages.Models;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Academy.Pages.Controllers;

public sealed record AccessibilityViewModel(SiteSettings Site, AccessibilityStatement Statement);

/// <summary>The pages every Dutch public-sector site has: the accessibility statement and how to reach the region.</summary>
[AllowAnonymous]
public sealed class SiteInfoController(DocumentStore documents) : Controller
{
    [HttpGet("toegankelijkheid", Name = "Pages.Accessibility")]
    public async Task<IActionResult> Accessibility() => View(new AccessibilityViewModel(
        await documents.GetSiteSettingsAsync(),
        await documents.GetAsync<AccessibilityStatement>(AccessibilityStatement.DocumentKey)));

    [HttpGet("contact", Name = "Pages.Contact")]
    public async Task<IActionResult> Contact() => View(await documents.GetSiteSettingsAsync());
}
