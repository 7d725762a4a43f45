using Academy.Leeragenda.Abstractions;
using Academy.Core.Content;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.Enrolment.Models;
using Microsoft.EntityFrameworkCore;

namespace Academy.Enrolment.Services;

/// <summary>Whether a participant completed the offerings an edition requires (intervisie only for HARRIE alumni).</summary>
public sealed class Prerequisites(AcademyDbContext db, ContentManager content)
{
    /// <summary>The title of the first required offering the participant has not completed, or null when all are.</summary>
    public async Task<string?> FirstMissingAsync(EditionInfo edition, string? userId, string email, CancellationToken cancellationToken)
    {
        var normalised = EnrolmentService.NormaliseEmail(email);
        foreach (var offeringId in edition.PrerequisiteOfferingIds)
        {
            var done = await db.Set<CompletionRecord>().AsNoTracking().AnyAsync(
                c => c.OfferingId == offeringId && (c.ParticipantEmail == normalised || (userId != null && c.UserId == userId)),
                cancellationToken);
            if (!done)
            {
                var item = await content.GetAsync(offeringId);
                return item?.As<TitlePart>().Title is { Length: > 0 } title ? title : item?.DisplayText ?? offeringId;
            }
        }
        return null;
    }
}
