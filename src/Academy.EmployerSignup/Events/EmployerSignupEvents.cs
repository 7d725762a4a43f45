using Academy.Core.Events;
using Academy.Email.Abstractions;

namespace Academy.EmployerSignup.Events;

/// <summary>An employee as the mails show them.</summary>
public sealed record SignupParticipant(string Name, string Email, string? Function);

/// <summary>
/// An employer signed up employees; the contact must confirm through <see cref="ConfirmUrl"/> before <see cref="ExpiresUtc"/>.
/// <see cref="ConfirmUrl"/> is a one-time link reference (Academy.Email.Abstractions.MailLinks): it becomes the link with its
/// token only when the mail to the contact is sent.
/// </summary>
public sealed record EmployerSignupRequested(
    string SignupId,
    string ContactName,
    string ContactEmail,
    string OrganisationName,
    string ConfirmUrl,
    string EditionId,
    string EditionName,
    string OfferingTitle,
    IReadOnlyList<SignupParticipant> Participants,
    DateTime ExpiresUtc) : IDomainEvent
{
    public string CorrelationId => SignupId;
}

/// <summary>
/// The contact confirmed; the employees' enrolments are confirmed (each raises its own EnrolmentConfirmed).
/// <see cref="SetPasswordUrl"/> is null when the contact's account already had a password; otherwise a one-time link
/// reference that becomes the set-password link when the mail to the contact is sent.
/// </summary>
public sealed record EmployerSignupConfirmed(
    string SignupId,
    string ContactName,
    string ContactEmail,
    string OrganisationName,
    string? SetPasswordUrl,
    string ManageUrl,
    string EditionId,
    string EditionName,
    string OfferingTitle,
    IReadOnlyList<SignupParticipant> Participants) : IDomainEvent
{
    public string CorrelationId => SignupId;
}

/// <summary>The contact did not confirm in time; the held seats were released.</summary>
public sealed record EmployerSignupExpired(
    string SignupId,
    string ContactName,
    string ContactEmail,
    string OrganisationName,
    string EditionId,
    string SignupUrl) : IDomainEvent
{
    public string CorrelationId => SignupId;
}
