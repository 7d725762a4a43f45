using Academy.Leeragenda.Abstractions;
using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Core.Text;
using Academy.EmployerSignup.Models;
using Academy.EmployerSignup.Services;
using Academy.Enrolment.Abstractions;
using Microsoft.AspNetCore.Mvc;
using Academy.Users.Abstractions;

namespace Academy.EmployerSignup.Controllers;

public sealed record EmployerSignupRow(EmployerSignupView View, EditionInfo? Edition);

/// <summary>A contact who used the KvK number of an organisation the viewer is linked to, waiting to be linked.</summary>
public sealed record WaitingColleague(EmployerContact Contact, string OrganisationName);

public sealed class EmployerPageModel
{
    public required IReadOnlyList<EmployerSignupRow> Signups { get; init; }
    public IReadOnlyList<WaitingColleague> Colleagues { get; init; } = [];
    public string? Notice { get; init; }
}

public sealed class EmployeeFormModel
{
    public required EmployeeEnrolment Current { get; init; }
    public EmployeeInput Input { get; init; } = new();
    public FormErrors Errors { get; init; } = new();
}

/// <summary>
/// The employer's own pages: their organisation's HARRIE sign-ups, and per employee "Vervangen" and
/// "Afmelden". An enrolment of another organisation answers 404.
/// </summary>
[RequirePermission(EmployerSignupPermissions.ManageOwnEmployees)]
[Route("werkgever")]
public sealed class EmployerController(
    EmployerParticipants participants,
    EmployerContacts contacts,
    IOrganisationDirectory organisations,
    IEnrolmentService enrolment,
    IEditionCatalog catalog) : Controller
{
    private const string NoticeKey = "werkgever-melding";

    [HttpGet("", Name = "EmployerSignup.Employer.Index")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = new List<EmployerSignupRow>();
        foreach (var view in await participants.ForUserAsync(User, cancellationToken))
        {
            rows.Add(new EmployerSignupRow(view, await catalog.GetAsync(view.Signup.EditionId, cancellationToken)));
        }
        var colleagues = new List<WaitingColleague>();
        foreach (var contact in await contacts.WaitingForAsync(UserId, cancellationToken))
        {
            colleagues.Add(new WaitingColleague(contact, (await organisations.GetAsync(contact.OrganisationId))?.Name ?? contact.OrganisationId));
        }
        return View(new EmployerPageModel { Signups = rows, Colleagues = colleagues, Notice = TempData[NoticeKey] as string });
    }

    /// <summary>A linked contact links a colleague who signed up with the organisation's KvK number; anything else is a 404.</summary>
    [HttpPost("collegas/koppelen", Name = "EmployerSignup.Employer.Link")]
    public async Task<IActionResult> Link(string? organisation, string? contact, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(organisation) || string.IsNullOrEmpty(contact)
            || (await contacts.WaitingForAsync(UserId, cancellationToken)).FirstOrDefault(c => c.OrganisationId == organisation && c.UserId == contact) is not { } waiting
            || !await contacts.LinkAsync(organisation, contact, UserId, byCoordinator: false, cancellationToken))
        {
            return NotFound();
        }
        TempData[NoticeKey] = $"{waiting.Name} is gekoppeld. Jullie zien nu elkaars aanmeldingen.";
        return RedirectToRoute("EmployerSignup.Employer.Index");
    }

    [HttpGet("deelnemers/{id:long}/vervangen", Name = "EmployerSignup.Employer.Swap")]
    public async Task<IActionResult> Swap(long id, CancellationToken cancellationToken) =>
        await participants.FindAsync(User, id, cancellationToken) is { } found
            ? View(new EmployeeFormModel { Current = found.Employee })
            : NotFound();

    [HttpPost("deelnemers/{id:long}/vervangen")]
    public async Task<IActionResult> Swap(long id, EmployeeInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await participants.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        var errors = new FormErrors();
        var replacement = SignupValidator.Employee(input, errors);
        if (replacement is not null)
        {
            var result = await enrolment.SwapParticipantAsync(id,
                new Participant(null, replacement.Value.Name, replacement.Value.Email, replacement.Value.Function, found.Signup.OrganisationId),
                UserId, cancellationToken);
            if (result.Succeeded)
            {
                TempData[NoticeKey] = $"{found.Employee.Name} is vervangen door {replacement.Value.Name}.";
                return RedirectToRoute("EmployerSignup.Employer.Index");
            }
            errors.Add(null, result.Error!);
        }
        return View(new EmployeeFormModel { Current = found.Employee, Input = input, Errors = errors });
    }

    [HttpGet("deelnemers/{id:long}/afmelden", Name = "EmployerSignup.Employer.Cancel")]
    public async Task<IActionResult> Cancel(long id, CancellationToken cancellationToken) =>
        await participants.FindAsync(User, id, cancellationToken) is { } found
            ? View(new EmployeeFormModel { Current = found.Employee })
            : NotFound();

    [HttpPost("deelnemers/{id:long}/afmelden")]
    [ActionName(nameof(Cancel))]
    public async Task<IActionResult> CancelPost(long id, CancellationToken cancellationToken)
    {
        if (await participants.FindAsync(User, id, cancellationToken) is not { } found)
        {
            return NotFound();
        }
        // Ownership is checked above; the enrolment rules hold the employer to the participants' deadline.
        var result = await enrolment.CancelAsync(id, UserId, EnrolmentActor.Employer, "Afgemeld door de werkgever", cancellationToken);
        if (result.Succeeded)
        {
            TempData[NoticeKey] = $"{found.Employee.Name} is afgemeld.";
            return RedirectToRoute("EmployerSignup.Employer.Index");
        }
        var errors = new FormErrors();
        errors.Add(null, result.Error!);
        return View(new EmployeeFormModel { Current = found.Employee, Errors = errors });
    }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
}
