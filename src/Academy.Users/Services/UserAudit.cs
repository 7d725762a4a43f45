using Academy.Core.Data;

namespace Academy.Users.Services;

/// <summary>Writes <see cref="UserAuditEntry"/> rows in the caller's unit of work (saved with the change they record).</summary>
public sealed class UserAudit(AcademyDbContext db, TimeProvider clock)
{
    public void Add(string? actorUserId, string subjectUserId, string action, string? role = null) =>
        db.Set<UserAuditEntry>().Add(new UserAuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorUserId = actorUserId,
            SubjectUserId = subjectUserId,
            Action = action,
            Role = role,
        });
}
