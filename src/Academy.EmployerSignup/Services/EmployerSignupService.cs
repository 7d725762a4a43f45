using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Core.Events;
using Academy.Core.Hosting;
using Academy.Core.Jobs;
using Academy.EmployerSignup.Events;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Academy.Users.Abstractions;
using Academy.Email.Abstractions;

namespace Academy.EmployerSignup.Services;

/// <param name="Field">The form field the error belongs to (null: the whole form).</param>
public sealed record SubmitResult(string? SignupId, string? Field, string? Error);

public enum ConfirmOutcome
{
    Confirmed,
    AlreadyConfirmed,
    Expired,
    Cancelled,
    Released,
    Unknown,
}

/// <summary>
/// The employer sign-up: hold seats and ask the contact to confirm, confirm (organisation, account and
/// enrolments), and let unconfirmed holds expire. Each step is one transaction with the events and the job
/// it causes.
/// </summary>
public sealed class EmployerSignupService(
    AcademyDbContext db,
    UnitOfWork unitOfWork,
    IEnrolmentService enrolment,
    IEditionCatalog catalog,
    HarrieEditions editions,
    IJobScheduler jobs,
    EventOutbox outbox,
    IOrganisationDirectory organisations,
    IAccountProvisioning accounts,
    IAccountInvitations invitations,
    SignupTokens tokens,
    EmployerParticipants participants,
    EmployerContacts contacts,
    HoldCaps caps,
    SignupRetention retention,
    IOptions<EmployerSignupOptions> signupOptions,
    IOptions<AcademyOptions> siteOptions,
    LinkGenerator links,
    TimeProvider clock)
{
    public const string ExpiryJobKind = "employer-signup-expiry";
    public const string EmployerRole = "Werkgever";
    /// <summary>The employer's own page (where a new employer account lands after setting a password).</summary>
    private string ManagePath => links.GetPathByName("EmployerSignup.Employer.Index", null)!;
    /// <summary>The role an employee signed up by the employer gets with the invitation to their own account.</summary>
    public const string EmployeeRole = "Professional";
    /// <summary>Where an invited employee lands: their own enrolments (the Enrolment module's route).</summary>
    private string MyEnrolmentsPath => links.GetPathByName("Enrolment.MyEnrolments.Index", null)!;

    private string BaseUrl => siteOptions.Value.PublicBaseUrl.TrimEnd('/');

    public const string ConfirmLinkKind = "harrie-bevestigen";

    /// <summary>The working confirmation link (with its token); only made when the mail is sent.</summary>
    public string ConfirmUrl(string signupId) => BaseUrl + links.GetPathByName("EmployerSignup.Harrie.Confirm", new { token = tokens.Create(signupId) });

    /// <summary>What the event and the mail outbox keep instead of the link: a reference without a token.</summary>
    public string ConfirmLinkReference(string signupId) => MailLinks.Reference(BaseUrl, ConfirmLinkKind, signupId);

    /// <summary>Stores the sign-up and holds a seat per employee, all or none, within the caps on unconfirmed seats.</summary>
    /// <param name="clientKey">The sending client (<see cref="Core.Security.ClientThrottle.ClientKey"/>); null when unknown.</param>
    public async Task<SubmitResult> SubmitAsync(ValidSignup signup, EditionInfo edition, string? clientKey, CancellationToken cancellationToken = default)
    {
        var seatsLeft = await editions.SeatsLeftAsync(edition);
        if (seatsLeft < signup.Employees.Count)
        {
            return new SubmitResult(null, nameof(SignupInput.EditionId), HarrieEditions.SeatsLeftMessage(seatsLeft));
        }
        if (await caps.CheckAsync(edition.EditionId, signup.ContactEmail, clientKey, signup.Employees.Count, cancellationToken) is { } refused)
        {
            return new SubmitResult(null, refused.Field, refused.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var record = new EmployerSignupRecord
        {
            Id = IdGenerator.NewId(),
            OrganisationName = signup.OrganisationName,
            KvkNumber = signup.KvkNumber,
            Street = signup.Street,
            Postcode = signup.Postcode,
            Place = signup.Place,
            ContactName = signup.ContactName,
            ContactEmail = signup.ContactEmail,
            ContactPhone = signup.ContactPhone,
            EditionId = edition.EditionId,
            OfferingId = edition.OfferingId,
            ParticipantCount = signup.Employees.Count,
            Status = EmployerSignupStatus.Unconfirmed,
            CreatedUtc = now,
            ExpiresUtc = now + signupOptions.Value.HoldDuration,
            ClientKey = clientKey,
        };
        var employees = signup.Employees.Select(e => new Participant(null, e.Name, e.Email, e.Function)).ToList();

        var refusedHold = await unitOfWork.RunAsync<IReadOnlyList<EnrolmentResult>?>(async () =>
        {
            var held = await enrolment.HoldAsync(edition.EditionId, employees, record.Id, record.ExpiresUtc, cancellationToken);
            if (held.Count != employees.Count || held.Any(r => !r.Succeeded))
            {
                return WorkOutcome<IReadOnlyList<EnrolmentResult>?>.Discard(held);
            }
            db.Add(record);
            await jobs.ScheduleAsync(ExpiryJobKind, record.Id, record.ExpiresUtc, null, cancellationToken);
            await retention.EnsureScheduledAsync(cancellationToken);
            outbox.Add(new EmployerSignupRequested(
                record.Id, record.ContactName, record.ContactEmail, record.OrganisationName, ConfirmLinkReference(record.Id),
                edition.EditionId, edition.EditionName, edition.OfferingTitle,
                signup.Employees.Select(e => new SignupParticipant(e.Name, e.Email, e.Function)).ToList(),
                record.ExpiresUtc));
            return WorkOutcome<IReadOnlyList<EnrolmentResult>?>.Keep(null);
        }, null, cancellationToken);
        if (refusedHold is not null)
        {
            // Someone else may have taken the seats since the check above; otherwise the service says why.
            var left = await editions.SeatsLeftAsync(edition);
            return left < employees.Count
                ? new SubmitResult(null, nameof(SignupInput.EditionId), HarrieEditions.SeatsLeftMessage(left))
                : new SubmitResult(null, null, refusedHold.FirstOrDefault(r => !r.Succeeded)?.Error ?? "De plaatsen konden niet worden gereserveerd. Probeer het opnieuw.");
        }
        return new SubmitResult(record.Id, null, null);
    }

    public Task<EmployerSignupRecord?> FindAsync(string signupId, CancellationToken cancellationToken = default) =>
        db.Set<EmployerSignupRecord>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == signupId, cancellationToken);

    /// <summary>
    /// Confirms the held seats, registers the employer and gives the contact an account with the Werkgever
    /// role. Confirming twice is harmless: the second time says so and changes nothing.
    /// </summary>
    public async Task<ConfirmOutcome> ConfirmAsync(string signupId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ConfirmOnceAsync(signupId, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another sign-up of the same employer or contact was confirmed at the same moment and created the
            // organisation or account first (a unique index said so); this attempt was rolled back. Again, the
            // existing rows are found and reused.
            db.ChangeTracker.Clear();
            return await ConfirmOnceAsync(signupId, cancellationToken);
        }
    }

    private async Task<ConfirmOutcome> ConfirmOnceAsync(string signupId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Set<EmployerSignupRecord>().FirstOrDefaultAsync(s => s.Id == signupId, cancellationToken);
        if (record is null)
        {
            return ConfirmOutcome.Unknown;
        }
        if (Outcome(record, now) is { } settled)
        {
            return settled;
        }

        var outcome = await unitOfWork.RunAsync<ConfirmOutcome?>(async () =>
        {
            // Claim the sign-up with a conditional update, so two clicks at once confirm it once.
            var claimed = await db.Set<EmployerSignupRecord>()
                .Where(s => s.Id == signupId && s.Status == EmployerSignupStatus.Unconfirmed)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, EmployerSignupStatus.Confirmed), cancellationToken);
            if (claimed == 0)
            {
                return WorkOutcome<ConfirmOutcome?>.Discard(null);
            }

            var confirmed = await enrolment.ConfirmHoldAsync(signupId, cancellationToken);
            if (confirmed == 0)
            {
                // The holds are gone (released by an expiry that ran first): nothing to confirm.
                return WorkOutcome<ConfirmOutcome?>.Discard(ConfirmOutcome.Expired);
            }

            var registered = await organisations.EnsureEmployerAsync(record.OrganisationName, record.KvkNumber, record.Address, record.Place, cancellationToken);
            var organisation = registered.Organisation;
            // Identity saves as it goes; everything stays inside this transaction. The account joins the organisation only
            // when its contact is linked: a KvK number is public, so using one proves nothing (issue 9, finding 1).
            var account = await accounts.EnsureAccountAsync(record.ContactEmail, record.ContactName, EmployerRole, null, ManagePath, cancellationToken);
            if (await contacts.RegisterAsync(organisation.Id, account.UserId, record.ContactName, record.ContactEmail, registered.Created, cancellationToken))
            {
                await organisations.SetMembershipAsync(account.UserId, organisation.Id, member: true, cancellationToken);
            }

            record.Status = EmployerSignupStatus.Confirmed;
            record.ConfirmedUtc = now;
            record.OrganisationId = organisation.Id;
            record.ContactUserId = account.UserId;
            record.ClientKey = null;
            await jobs.CancelAsync(ExpiryJobKind, signupId, cancellationToken);
            var edition = await catalog.GetAsync(record.EditionId, cancellationToken);
            var offeringTitle = edition?.OfferingTitle ?? "HARRIE-training";
            var confirmedEmployees = await participants.ConfirmedAsync(signupId, cancellationToken);
            await InviteEmployeesAsync(confirmedEmployees, organisation.Name, offeringTitle, signupId, cancellationToken);
            outbox.Add(new EmployerSignupConfirmed(
                record.Id, record.ContactName, record.ContactEmail, organisation.Name, account.SetPasswordUrl, BaseUrl + ManagePath,
                record.EditionId, edition?.EditionName ?? record.EditionId, offeringTitle, confirmedEmployees));
            return WorkOutcome<ConfirmOutcome?>.Keep(ConfirmOutcome.Confirmed);
        }, null, cancellationToken);
        if (outcome is { } done)
        {
            return done;
        }
        var current = await FindAsync(signupId, cancellationToken);
        return current is null ? ConfirmOutcome.Unknown : Outcome(current, now) ?? ConfirmOutcome.AlreadyConfirmed;
    }

    /// <summary>
    /// Each employee gets an account of their own (without a password until they choose one through the invitation
    /// mail), so the "Mijn aanmeldingen" their confirmation mail points to shows their enrolment. An employee who
    /// already has a password gets no mail. In the confirmation's transaction; once per sign-up.
    /// </summary>
    private async Task InviteEmployeesAsync(IReadOnlyList<SignupParticipant> employees, string organisationName, string offeringTitle,
        string signupId, CancellationToken cancellationToken)
    {
        foreach (var employee in employees)
        {
            await invitations.InviteAsync(new AccountInvitation(employee.Email, employee.Name, [EmployeeRole],
                ReturnUrl: MyEnrolmentsPath, OnceKey: "harrie-" + signupId,
                Reason: $"{organisationName} heeft je aangemeld voor {offeringTitle}. Met dit account zie je je aanmelding onder Mijn aanmeldingen."),
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>The expiry job: an unconfirmed sign-up past its time releases its seats. Returns whether it expired.</summary>
    public async Task<bool> ExpireAsync(string signupId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.Set<EmployerSignupRecord>().FirstOrDefaultAsync(s => s.Id == signupId, cancellationToken);
        if (record is null || record.Status != EmployerSignupStatus.Unconfirmed)
        {
            return false;
        }
        var expires = UtcDates.AsUtc(record.ExpiresUtc);
        if (now < expires)
        {
            // Run on a node whose clock is behind: try again a little after the hold's end.
            await jobs.ScheduleAsync(ExpiryJobKind, signupId, expires.AddMinutes(1), null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        record.Status = EmployerSignupStatus.Expired;
        record.ClientKey = null;
        outbox.Add(new EmployerSignupExpired(record.Id, record.ContactName, record.ContactEmail, record.OrganisationName,
            record.EditionId, BaseUrl + links.GetPathByName("EmployerSignup.Harrie.Index", null)));
        await enrolment.ExpireHoldsAsync(now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The leer-coördinator releases an unconfirmed sign-up's seats now (waitlisted people move up); its link no longer
    /// confirms. Returns false when it was no longer unconfirmed (nothing changed).
    /// </summary>
    public async Task<bool> ReleaseAsync(string signupId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await unitOfWork.RunAsync(async () =>
        {
            // Conditional, like confirming: a release and a confirmation at the same moment cannot both win.
            var claimed = await db.Set<EmployerSignupRecord>()
                .Where(s => s.Id == signupId && s.Status == EmployerSignupStatus.Unconfirmed)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Status, EmployerSignupStatus.Released)
                    .SetProperty(s => s.ExpiresUtc, now)
                    .SetProperty(s => s.ClientKey, (string?)null), cancellationToken);
            if (claimed == 0)
            {
                return WorkOutcome<bool>.Discard(false);
            }
            await enrolment.ReleaseHoldAsync(signupId, cancellationToken);
            await jobs.CancelAsync(ExpiryJobKind, signupId, cancellationToken);
            return WorkOutcome<bool>.Keep(true);
        }, null, cancellationToken);
    }

    /// <summary>The answer for a sign-up that can no longer be confirmed (null: it still can).</summary>
    private static ConfirmOutcome? Outcome(EmployerSignupRecord record, DateTime now) => record.Status switch
    {
        EmployerSignupStatus.Confirmed => ConfirmOutcome.AlreadyConfirmed,
        EmployerSignupStatus.Cancelled => ConfirmOutcome.Cancelled,
        EmployerSignupStatus.Expired => ConfirmOutcome.Expired,
        EmployerSignupStatus.Released => ConfirmOutcome.Released,
        _ when now >= UtcDates.AsUtc(record.ExpiresUtc) => ConfirmOutcome.Expired,
        _ => null,
    };
}
