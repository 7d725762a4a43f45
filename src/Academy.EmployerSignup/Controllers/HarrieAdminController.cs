using Academy.Leeragenda.Abstractions;
using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.EmployerSignup.Models;
using Academy.EmployerSignup.Services;
using Academy.Enrolment.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.EmployerSignup.Controllers;

public sealed class HarrieAdminPageModel
{
    /// <summary>Unconfirmed sign-ups, soonest hold end first.</summary>
    public required IReadOnlyList<EmployerSignupRecord> Holds { get; init; }
    public required IReadOnlyList<EmployerContact> Contacts { get; init; }
    public required IReadOnlyDictionary<string, string> OrganisationNames { get; init; }
    public required IReadOnlyDictionary<string, string> EditionNames { get; init; }
    public string? Notice { get; init; }
}

/// <summary>
/// The leer-coördinator's HARRIE page: seats held by unconfirmed sign-ups (and releasing them), and the contact
/// persons of employers (linking and unlinking them). HARRIE holds are enrolments, so the enrolment permission rules it.
/// </summary>
[RequirePermission(EnrolmentPermissionNames.ManageEnrolments)]
[Route("admin/harrie")]
public sealed class HarrieAdminController(
    Core.Data.AcademyDbContext db,
    EmployerSignupService signups,
    EmployerContacts contacts,
    IOrganisationDirectory organisations,
    IEditionCatalog catalog) : Controller
{
    private const string NoticeKey = "harrie-beheer-melding";

    [HttpGet("", Name = "EmployerSignup.HarrieAdmin.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var holds = await db.Set<EmployerSignupRecord>().AsNoTracking()
            .Where(s => s.Status == EmployerSignupStatus.Unconfirmed)
            .OrderBy(s => s.ExpiresUtc)
            .ToListAsync(cancellationToken);
        var editionNames = new Dictionary<string, string>();
        foreach (var editionId in holds.Select(h => h.EditionId).Distinct())
        {
            editionNames[editionId] = await catalog.GetAsync(editionId, cancellationToken) is { } e ? $"{e.OfferingTitle} — {e.EditionName}" : editionId;
        }
        return View(new HarrieAdminPageModel
        {
            Holds = holds,
            Contacts = await contacts.AllAsync(cancellationToken),
            OrganisationNames = (await organisations.ListAsync()).ToDictionary(o => o.Id, o => o.Name),
            EditionNames = editionNames,
            Notice = TempData[NoticeKey] as string,
        });
    }

    [HttpPost("reserveringen/{id:length(1,32)}/vrijgeven", Name = "EmployerSignup.HarrieAdmin.Release")]
    public async Task<IActionResult> Release(string id, CancellationToken cancellationToken)
    {
        var signup = await signups.FindAsync(id, cancellationToken);
        if (signup is null || !await signups.ReleaseAsync(id, cancellationToken))
        {
            return NotFound();
        }
        return Done($"De {signup.ParticipantCount} gereserveerde plaatsen van {signup.OrganisationName} zijn vrijgegeven.");
    }

    [HttpPost("contactpersonen/koppelen", Name = "EmployerSignup.HarrieAdmin.Link")]
    public async Task<IActionResult> Link(string? organisation, string? contact, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(organisation) && !string.IsNullOrEmpty(contact)
        && await contacts.LinkAsync(organisation, contact, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", byCoordinator: true, cancellationToken)
            ? Done("De contactpersoon is gekoppeld aan de organisatie.")
            : NotFound();

    [HttpPost("contactpersonen/ontkoppelen", Name = "EmployerSignup.HarrieAdmin.Unlink")]
    public async Task<IActionResult> Unlink(string? organisation, string? contact, CancellationToken cancellationToken) =>
        !string.IsNullOrEmpty(organisation) && !string.IsNullOrEmpty(contact) && await contacts.UnlinkAsync(organisation, contact, cancellationToken)
            ? Done("De contactpersoon is ontkoppeld. Hij of zij ziet nu alleen de eigen aanmeldingen.")
            : NotFound();

    private IActionResult Done(string notice)
    {
        TempData[NoticeKey] = notice;
        return RedirectToRoute("EmployerSignup.HarrieAdmin.Index");
    }
}

/// <summary>The HARRIE page in the back-office menu.</summary>
public sealed class HarrieAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("HARRIE-werkgevers", "EmployerSignup.HarrieAdmin.Index", EnrolmentPermissionNames.ManageEnrolments, 25),
    ];
}
