using Academy.Core.Data;
using Academy.Enrolment.Abstractions;
using Academy.Enrolment.Models;
using Academy.Enrolment.Services;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Queries;

/// <summary>Completions as prerequisites count them: by account, or by the e-mail address the enrolment was made with.</summary>
public sealed class OfferingCompletions(AcademyDbContext db) : IOfferingCompletions
{
    public Task<bool> HasCompletedAsync(string offeringId, string userId, string? email, CancellationToken cancellationToken = default)
    {
        var normalised = string.IsNullOrWhiteSpace(email) ? null : EnrolmentService.NormaliseEmail(email);
        return db.Set<CompletionRecord>().AsNoTracking().AnyAsync(
            c => c.OfferingId == offeringId && (c.UserId == userId || (normalised != null && c.ParticipantEmail == normalised)),
            cancellationToken);
    }
}
