using Academy.Leeragenda.Abstractions;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Security;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Permissions;
using Academy.Enrolment.Queries;
using Academy.Enrolment.ViewModels;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Academy.Email.Abstractions;

namespace Academy.Enrolment.Controllers.Admin;

/// <summary>
/// Mail the participants of an edition. One mail per recipient, all queued in one SaveChanges; the form's
/// message id makes each mail's idempotency key, so submitting the same form twice sends nothing twice.
/// </summary>
[RequirePermission(EnrolmentPermissions.ManageEnrolments)]
[Route("admin/aanmeldingen/groep/{editionId}/mailen")]
public sealed class GroupMailController(
    IEditionCatalog catalog,
    EditionParticipantsQuery participants,
    IMailComposer composer,
    IMailQueue mailQueue,
    AcademyDbContext db,
    IStringLocalizer<GroupMailController> T) : Controller
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 20_000;

    [HttpGet("", Name = "Enrolment.GroupMail.Compose")]
    public async Task<IActionResult> Compose(string editionId, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var input = new GroupMailInput { Recipients = GroupMailRecipients.Confirmed, MessageId = Guid.NewGuid().ToString("n") };
        return View(await ModelAsync(edition, input, [], cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Send(string editionId, GroupMailInput input, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(editionId, cancellationToken) is not { } edition)
        {
            return NotFound();
        }
        var errors = Validate(input);
        var recipients = (await participants.ListAsync(editionId, cancellationToken))
            .Where(p => GroupMailRecipients.Includes(input.Recipients ?? "", p.Status))
            .ToList();
        if (errors.Count == 0 && recipients.Count == 0)
        {
            errors.Add(("mail-recipients", T["Er zijn geen deelnemers die dit bericht zouden krijgen. Kies andere ontvangers."]));
        }
        var drafts = errors.Count == 0 ? await ComposeAllAsync(edition, input, recipients) : null;
        if (errors.Count == 0 && drafts is null)
        {
            errors.Add(("mail-body", T["Het bericht kon niet worden opgemaakt. Controleer de accolades {0} en {1} in het onderwerp en het bericht.", "{{ }}", "{% %}"]));
        }
        if (drafts is not null)
        {
            try
            {
                foreach (var draft in drafts)
                {
                    await mailQueue.EnqueueAsync(draft, cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A second submit raced the first past the queue's key check: the first one queued the mails.
                db.ChangeTracker.Clear();
            }
        }
        if (errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(nameof(Compose), await ModelAsync(edition, input, errors, cancellationToken));
        }
        TempData[EnrolmentAdminController.NoticeKey] = recipients.Count == 1
            ? T["Het bericht is verstuurd naar 1 deelnemer."].Value
            : T["Het bericht is verstuurd naar {0} deelnemers.", recipients.Count].Value;
        return RedirectToRoute("Enrolment.EnrolmentAdmin.Group", new { editionId });
    }

    /// <summary>One mail per recipient, or null when the text is not a valid Liquid template (a stray "{{" or "{%").</summary>
    private async Task<IReadOnlyList<MailDraft>?> ComposeAllAsync(EditionInfo edition, GroupMailInput input, IReadOnlyList<ParticipantRow> recipients)
    {
        var drafts = new List<MailDraft>(recipients.Count);
        try
        {
            foreach (var recipient in recipients)
            {
                var (subject, html, text) = await composer.ComposeAsync(input.Subject!, input.Body!, MailModel(edition, recipient));
                drafts.Add(new MailDraft(recipient.Email, recipient.Name, subject, html, text, $"groepsmail:{input.MessageId}:{recipient.EnrolmentId}"));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The composer's template error type belongs to the Email module; any failure here is about the text.
            return null;
        }
        return drafts;
    }

    private List<(string?, string)> Validate(GroupMailInput input)
    {
        var errors = new List<(string?, string)>();
        if (string.IsNullOrWhiteSpace(input.Subject))
        {
            errors.Add(("mail-subject", T["Vul het onderwerp in."]));
        }
        else if (input.Subject.Length > MaxSubjectLength)
        {
            errors.Add(("mail-subject", T["Het onderwerp mag hoogstens {0} tekens lang zijn.", MaxSubjectLength]));
        }
        if (string.IsNullOrWhiteSpace(input.Body))
        {
            errors.Add(("mail-body", T["Vul het bericht in."]));
        }
        else if (input.Body.Length > MaxBodyLength)
        {
            errors.Add(("mail-body", T["Het bericht mag hoogstens {0} tekens lang zijn.", MaxBodyLength]));
        }
        if (input.Recipients is not (GroupMailRecipients.Confirmed or GroupMailRecipients.Waitlisted or GroupMailRecipients.All))
        {
            errors.Add(("mail-recipients", T["Kies wie het bericht krijgen."]));
        }
        if (!Guid.TryParseExact(input.MessageId, "n", out _))
        {
            // Only a tampered form lacks it; a fresh id keeps the text and lets the coördinator send again.
            input.MessageId = Guid.NewGuid().ToString("n");
            errors.Add((null, T["Het formulier was verlopen. Controleer het bericht en verstuur het opnieuw."]));
        }
        return errors;
    }

    /// <summary>What the Liquid template may use: {{ Participant.Name }}, {{ Edition.OfferingTitle }} and so on.</summary>
    private static Dictionary<string, object?> MailModel(EditionInfo edition, ParticipantRow recipient) => new()
    {
        ["Participant"] = new Dictionary<string, object?> { ["Name"] = recipient.Name, ["Email"] = recipient.Email },
        ["Edition"] = new Dictionary<string, object?>
        {
            ["Name"] = edition.EditionName,
            ["OfferingTitle"] = edition.OfferingTitle,
            ["OfferingUrl"] = edition.OfferingUrl,
            ["Start"] = edition.StartUtc is { } start ? $"{Academy.Core.Text.DutchFormat.Date(start)} {Academy.Core.Text.DutchFormat.Time(start)}" : null,
        },
    };

    private async Task<GroupMailViewModel> ModelAsync(EditionInfo edition, GroupMailInput input, IReadOnlyList<(string?, string)> errors, CancellationToken cancellationToken)
    {
        var all = await participants.ListAsync(edition.EditionId, cancellationToken);
        return new GroupMailViewModel
        {
            Edition = edition,
            Input = input,
            ConfirmedCount = all.Count(p => GroupMailRecipients.Includes(GroupMailRecipients.Confirmed, p.Status)),
            WaitlistedCount = all.Count(p => p.Status == EnrolmentStatus.Waitlisted),
            Errors = errors,
        };
    }
}
