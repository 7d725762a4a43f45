using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Users.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Academy.Users.Controllers;

public sealed class OrganisationDomainsViewModel
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The domains as typed: one per line (or separated by spaces or commas).</summary>
    public string? Domains { get; set; }
    public string? Notice { get; set; }
}

/// <summary>
/// The e-mail domains of a partner organisation: a confirmed registration with an address in one of them becomes a
/// Professional without waiting for the leer-coördinator.
/// </summary>
[RequirePermission(UsersPermissions.ManageUsers)]
[Route("admin/organisaties/{id}/domeinen")]
public sealed class OrganisationDomainsAdminController(AcademyDbContext db, IStringLocalizer<OrganisationDomainsAdminController> T) : Controller
{
    [HttpGet("", Name = AccountRoutes.OrganisationDomains)]
    public async Task<IActionResult> Edit(string id, bool opgeslagen = false)
    {
        if (await db.Set<Organisation>().FindAsync(id) is not { } organisation)
        {
            return NotFound();
        }
        return View(new OrganisationDomainsViewModel
        {
            Id = organisation.Id,
            Name = organisation.Name,
            Domains = string.Join('\n', EmailDomains.Of(organisation)),
            Notice = opgeslagen ? T["De e-maildomeinen zijn opgeslagen."] : null,
        });
    }

    [HttpPost("")]
    public async Task<IActionResult> Edit(string id, OrganisationDomainsViewModel model)
    {
        ModelState.Clear();
        if (await db.Set<Organisation>().FindAsync(id) is not { } organisation)
        {
            return NotFound();
        }
        model.Id = organisation.Id;
        model.Name = organisation.Name;
        var (domains, invalid) = EmailDomains.Parse(model.Domains);
        var stored = EmailDomains.Store(domains);
        if (invalid is not null)
        {
            ModelState.AddModelError(nameof(model.Domains), T["'{0}' is geen e-maildomein. Vul domeinen in zoals arnhem.nl, één per regel.", invalid]);
        }
        else if (stored is { Length: > EmailDomains.MaxStoredLength })
        {
            ModelState.AddModelError(nameof(model.Domains), T["Te veel domeinen: samen hoogstens {0} tekens.", EmailDomains.MaxStoredLength]);
        }
        if (!ModelState.IsValid)
        {
            return View(model);
        }
        organisation.EmailDomains = stored;
        await db.SaveChangesAsync();
        return RedirectToRoute(AccountRoutes.OrganisationDomains, new { id = organisation.Id, opgeslagen = true });
    }
}
