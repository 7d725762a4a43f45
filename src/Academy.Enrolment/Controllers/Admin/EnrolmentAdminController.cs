using Academy.Leeragenda.Abstractions;
using System.Net.Mail;
using System.Security.Claims;
using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Permissions;
using Academy.Enrolment.Queries;
using Academy.Enrolment.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Academy.Users.Abstractions;

namespace Academy.Enrolment.Controllers.Admin;

/// <summary>
/// The leer-coördinator's enrolment admin: editions with their figures, the participants of one edition,
/// and the changes a coördinator makes (add, move, cancel, approve, decline, mark completed). Every change
/// goes through the enrolment service; this controller only checks the form and reports the outcome.
/// </summary>
[RequirePermission(EnrolmentPermissions.ManageEnrolments)]
[Route("admin/aanmeldingen")]
public sealed class EnrolmentAdminController(
    EnrolmentOverviewQuery overview,
    EditionParticipantsQuery participants,
    IEditionCatalog catalog,
    IEnrolmentService service,
    IEnrolmentCompletion completion,
    IUserLookup users,
    TimeProvider clock,
    IStringLocalizer<EnrolmentAdminController> T) : Controller
{
    public const int MaxNameLength = 200;
    public const int MaxReasonLength = 1000;
    internal const string NoticeKey = "EnrolmentAdmin.Notice";

    private string ActorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    // ------------------------------------------------------------ overview and group

    [HttpGet("", Name = "Enrolment.EnrolmentAdmin.Index")]
    public async Task<IActionResult> Index(string? q, string? status, CancellationToken cancellationToken)
    {
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var onlyPending = status == "goedkeuring";
        var rows = await overview.UpcomingEditionsAsync(q, onlyPending, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return View(new EnrolmentOverviewViewModel { Query = q, OnlyPending = onlyPending, Rows = rows });
    }

    [HttpGet("groep/{editionId}", Name = "Enrolment.EnrolmentAdmin.Group")]
    public async Task<IActionResult> Group(string editionId, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        return View(await GroupModelAsync(edition, new AddParticipantInput(), [], cancellationToken));
    }

    [HttpPost("groep/{editionId}/toevoegen", Name = "Enrolment.EnrolmentAdmin.Add")]
    public async Task<IActionResult> Add(string editionId, AddParticipantInput input, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var errors = new List<(string?, string)>();
        var email = input.Email?.Trim();
        var name = input.Name?.Trim();
        var function = string.IsNullOrWhiteSpace(input.Function) ? null : input.Function.Trim();
        UserSummary? account = null;
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(("add-email", T["Vul het e-mailadres in."]));
        }
        else if (!IsEmail(email))
        {
            errors.Add(("add-email", T["Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."]));
        }
        else
        {
            account = await users.FindByEmailAsync(email, cancellationToken);
        }
        if (string.IsNullOrEmpty(name) && account is null && errors.Count == 0)
        {
            errors.Add(("add-name", T["Vul de naam in: er is geen account met dit e-mailadres."]));
        }
        if (name?.Length > MaxNameLength)
        {
            errors.Add(("add-name", T["De naam mag hoogstens {0} tekens lang zijn.", MaxNameLength]));
        }
        if (function?.Length > MaxNameLength)
        {
            errors.Add(("add-function", T["De functie mag hoogstens {0} tekens lang zijn.", MaxNameLength]));
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Group), await GroupModelAsync(edition, input, errors, cancellationToken));
        }

        var participant = new Participant(account?.UserId, string.IsNullOrEmpty(name) ? account!.DisplayName : name, email!.ToLowerInvariant(), function, account?.OrganisationId);
        var result = await service.EnrolAsync(editionId, participant, cancellationToken);
        if (!result.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View(nameof(Group), await GroupModelAsync(edition, input, [(null, result.Error!)], cancellationToken));
        }
        TempData[NoticeKey] = T["{0} is toegevoegd: {1}.", participant.Name, Status(result.Status!.Value, result.WaitlistPosition, null)].Value;
        return RedirectToGroup(editionId);
    }

    // ------------------------------------------------------------ one enrolment

    [HttpGet("aanmelding/{id:long}", Name = "Enrolment.EnrolmentAdmin.Detail")]
    public async Task<IActionResult> Detail(long id, CancellationToken cancellationToken) =>
        await DetailModelAsync(id, null, null, cancellationToken) is { } model ? View(model) : NotFound();

    [HttpPost("aanmelding/{id:long}/verplaatsen", Name = "Enrolment.EnrolmentAdmin.Move")]
    public async Task<IActionResult> Move(long id, string? targetEditionId, CancellationToken cancellationToken)
    {
        if (await DetailModelAsync(id, null, targetEditionId, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        var target = model.OtherEditions.FirstOrDefault(e => e.EditionId == targetEditionId);
        if (target is null)
        {
            return Invalid(model, "move-target", T["Kies de groep waar de deelnemer naartoe gaat."]);
        }
        var result = await service.MoveAsync(id, target.EditionId, ActorId, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid(model, null, result.Error!);
        }
        TempData[NoticeKey] = T["{0} is verplaatst naar {1}: {2}.", model.Participant.Name, target.EditionName, Status(result.Status!.Value, result.WaitlistPosition, null)].Value;
        return RedirectToGroup(model.EditionId);
    }

    [HttpPost("aanmelding/{id:long}/annuleren", Name = "Enrolment.EnrolmentAdmin.Cancel")]
    public async Task<IActionResult> Cancel(long id, string? reason, CancellationToken cancellationToken)
    {
        if (await DetailModelAsync(id, reason, null, cancellationToken, "cancel-reason") is not { } model)
        {
            return NotFound();
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason?.Length > MaxReasonLength)
        {
            return Invalid(model, "cancel-reason", T["De reden mag hoogstens {0} tekens lang zijn.", MaxReasonLength]);
        }
        var result = await service.CancelAsync(id, ActorId, byCoordinator: true, reason, cancellationToken);
        return Outcome(model, result, T["De aanmelding van {0} is geannuleerd.", model.Participant.Name]);
    }

    [HttpPost("aanmelding/{id:long}/goedkeuren", Name = "Enrolment.EnrolmentAdmin.Approve")]
    public async Task<IActionResult> Approve(long id, CancellationToken cancellationToken)
    {
        if (await DetailModelAsync(id, null, null, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        var result = await service.ApproveAsync(id, ActorId, cancellationToken);
        return Outcome(model, result, T["De aanmelding van {0} is goedgekeurd: {1}.", model.Participant.Name, result.Status is { } s ? Status(s, result.WaitlistPosition, null) : ""]);
    }

    [HttpPost("aanmelding/{id:long}/afwijzen", Name = "Enrolment.EnrolmentAdmin.Decline")]
    public async Task<IActionResult> Decline(long id, string? reason, CancellationToken cancellationToken)
    {
        if (await DetailModelAsync(id, reason, null, cancellationToken, "decline-reason") is not { } model)
        {
            return NotFound();
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Invalid(model, "decline-reason", T["Vul de reden van de afwijzing in; de deelnemer krijgt die te lezen."]);
        }
        if (reason.Length > MaxReasonLength)
        {
            return Invalid(model, "decline-reason", T["De reden mag hoogstens {0} tekens lang zijn.", MaxReasonLength]);
        }
        var result = await service.DeclineAsync(id, ActorId, reason, cancellationToken);
        return Outcome(model, result, T["De aanmelding van {0} is afgewezen.", model.Participant.Name]);
    }

    [HttpPost("aanmelding/{id:long}/afgerond", Name = "Enrolment.EnrolmentAdmin.Complete")]
    public async Task<IActionResult> Complete(long id, CancellationToken cancellationToken)
    {
        if (await DetailModelAsync(id, null, null, cancellationToken) is not { } model)
        {
            return NotFound();
        }
        var result = await completion.MarkCompletedAsync(id, ActorId, cancellationToken);
        return Outcome(model, result, T["{0} heeft het aanbod afgerond.", model.Participant.Name]);
    }

    // ------------------------------------------------------------ helpers

    private RedirectToRouteResult RedirectToGroup(string editionId) => RedirectToRoute("Enrolment.EnrolmentAdmin.Group", new { editionId });

    private IActionResult Outcome(EnrolmentDetailViewModel model, EnrolmentResult result, string notice)
    {
        if (!result.Succeeded)
        {
            return Invalid(model, null, result.Error!);
        }
        TempData[NoticeKey] = notice;
        return RedirectToGroup(model.EditionId);
    }

    /// <summary>The detail page again with the error summary and the typed values; nothing changed.</summary>
    private ViewResult Invalid(EnrolmentDetailViewModel model, string? targetId, string message)
    {
        Response.StatusCode = targetId is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return View(nameof(Detail), new EnrolmentDetailViewModel
        {
            Edition = model.Edition,
            EditionId = model.EditionId,
            Participant = model.Participant,
            OtherEditions = model.OtherEditions,
            Reason = model.Reason,
            ReasonFieldId = model.ReasonFieldId,
            TargetEditionId = model.TargetEditionId,
            Errors = [(targetId, message)],
        });
    }

    private async Task<EnrolmentDetailViewModel?> DetailModelAsync(long id, string? reason, string? target, CancellationToken cancellationToken, string? reasonFieldId = null)
    {
        if (await participants.FindAsync(id, cancellationToken) is not { } participant)
        {
            return null;
        }
        var editionId = (await participants.EditionOfAsync(id, cancellationToken))!;
        var edition = await catalog.GetAsync(editionId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var others = edition is null ? [] : (await catalog.ListForOfferingAsync(edition.OfferingId, cancellationToken))
            .Where(e => e.EditionId != editionId && (e.StartUtc is null || e.StartUtc > now))
            .ToList();
        return new EnrolmentDetailViewModel
        {
            Edition = edition,
            EditionId = editionId,
            Participant = participant,
            OtherEditions = others,
            Reason = reason,
            ReasonFieldId = reasonFieldId,
            TargetEditionId = target,
            Notice = TempData[NoticeKey] as string,
        };
    }

    private async Task<EditionParticipantsViewModel> GroupModelAsync(EditionInfo edition, AddParticipantInput input, IReadOnlyList<(string?, string)> errors, CancellationToken cancellationToken) => new()
    {
        Edition = edition,
        Participants = await participants.ListAsync(edition.EditionId, cancellationToken),
        Add = input,
        Errors = errors,
        Notice = TempData[NoticeKey] as string,
    };

    private string Status(EnrolmentStatus status, int? position, string? reason) =>
        EnrolmentStatusText.Describe(status, position, reason, (format, args) => T[format, args]).ToLower(Academy.Core.Text.DutchFormat.Culture);

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
