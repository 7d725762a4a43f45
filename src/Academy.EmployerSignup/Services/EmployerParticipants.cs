using System.Security.Claims;
using Academy.EmployerSignup.Models;
using Academy.Enrolment.Abstractions;
using Microsoft.EntityFrameworkCore;

namespace Academy.EmployerSignup.Services;

/// <summary>An employee on a sign-up as the employer sees them.</summary>
public sealed record EmployeeEnrolment(long EnrolmentId, string SignupId, string Name, string Email, string? Function, EnrolmentStatus Status);

public sealed record EmployerSignupView(EmployerSignupRecord Signup, IReadOnlyList<EmployeeEnrolment> Employees);

/// <summary>
/// The sign-ups an employer may see, with their employees. The employees come from the enrolment module's
/// roster by hold group (the sign-up's id); every change goes through IEnrolmentService.
/// </summary>
public sealed class EmployerParticipants(IEnrolmentRoster roster, EmployerContacts contacts)
{
    /// <summary>
    /// Confirmed (and later cancelled) sign-ups the user made as contact, or that a colleague linked to the same
    /// organisation made. The account's organisation claim plays no part: it may stem from a public KvK number.
    /// </summary>
    public async Task<IReadOnlyList<EmployerSignupView>> ForUserAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var signups = await Visible(user).OrderByDescending(s => s.CreatedUtc).ToListAsync(cancellationToken);
        var employees = await roster.ByHoldGroupsAsync(signups.Select(s => s.Id).ToList(), cancellationToken);
        return signups
            .Select(s => new EmployerSignupView(s, employees.Where(e => e.HoldGroupId == s.Id).Select(ToView).ToList()))
            .ToList();
    }

    /// <summary>The employee enrolment, if it belongs to a sign-up the user may see; otherwise null (answer 404).</summary>
    public async Task<(EmployerSignupRecord Signup, EmployeeEnrolment Employee)?> FindAsync(ClaimsPrincipal user, long enrolmentId,
        CancellationToken cancellationToken = default)
    {
        if (await roster.GetInHoldGroupAsync(enrolmentId, cancellationToken) is not { } enrolment)
        {
            return null;
        }
        var signup = await Visible(user).FirstOrDefaultAsync(s => s.Id == enrolment.HoldGroupId, cancellationToken);
        return signup is null ? null : (signup, ToView(enrolment));
    }

    /// <summary>The confirmed employees of a sign-up, for the confirmation mail.</summary>
    public async Task<IReadOnlyList<Events.SignupParticipant>> ConfirmedAsync(string signupId, CancellationToken cancellationToken = default) =>
        (await roster.ByHoldGroupsAsync([signupId], cancellationToken))
            .Where(e => e.Status == EnrolmentStatus.Confirmed)
            .Select(e => new Events.SignupParticipant(e.Name, e.Email, e.Function))
            .ToList();

    private IQueryable<EmployerSignupRecord> Visible(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        return contacts.VisibleSignups(userId)
            .Where(s => s.Status == EmployerSignupStatus.Confirmed || s.Status == EmployerSignupStatus.Cancelled);
    }

    private static EmployeeEnrolment ToView(GroupEnrolment e) =>
        new(e.EnrolmentId, e.HoldGroupId, e.Name, e.Email, e.Function, e.Status);
}
