using Academy.Core.Data;
using Academy.Core.Recipes;
using Microsoft.EntityFrameworkCore;

namespace Academy.Users.Services;

/// <param name="Text">Part of the name or e-mail address of whoever made or underwent the change.</param>
public sealed record AuditFilter(string? Text = null, string? Action = null, string? UserId = null, int Page = 1);

/// <param name="Actor">Null when the site made the change; "verwijderd account" when the account is gone.</param>
public sealed record AuditRow(DateTime AtLocal, string? Actor, string Subject, string? SubjectId, string Action, string? Role);

public sealed record AuditPage(IReadOnlyList<AuditRow> Entries, int Page, int PageCount, int Total);

/// <summary>Reads the audit log of access changes, newest first, with the current names of the accounts.</summary>
public sealed class UserAuditLog(AcademyDbContext db)
{
    public const int PageSize = 50;
    public const string DeletedAccount = "verwijderd account";

    public async Task<AuditPage> ListAsync(AuditFilter filter, CancellationToken cancellationToken = default)
    {
        var entries = db.Set<UserAuditEntry>().AsNoTracking();
        if (!string.IsNullOrEmpty(filter.Action))
        {
            entries = entries.Where(e => e.Action == filter.Action);
        }
        if (!string.IsNullOrEmpty(filter.UserId))
        {
            entries = entries.Where(e => e.SubjectUserId == filter.UserId || e.ActorUserId == filter.UserId);
        }
        if (filter.Text?.Trim() is { Length: > 0 } text)
        {
            var lower = text.ToLowerInvariant();
            var upper = text.ToUpperInvariant();
            var people = db.Set<AcademyUser>()
                .Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper))
                .Select(u => u.Id);
            entries = entries.Where(e => people.Contains(e.SubjectUserId) || people.Contains(e.ActorUserId!));
        }
        var total = await entries.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var list = await entries.OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);

        var ids = list.Select(e => e.SubjectUserId).Concat(list.Select(e => e.ActorUserId).OfType<string>()).Distinct().ToList();
        var names = await db.Set<AcademyUser>().AsNoTracking().Where(u => ids.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => $"{u.DisplayName} ({u.Email})", cancellationToken);
        var rows = list.Select(e => new AuditRow(
            AmsterdamTime.ToLocal(UtcDates.AsUtc(e.AtUtc)),
            e.ActorUserId is null ? null : names.GetValueOrDefault(e.ActorUserId, DeletedAccount),
            names.GetValueOrDefault(e.SubjectUserId, DeletedAccount),
            names.ContainsKey(e.SubjectUserId) ? e.SubjectUserId : null,
            e.Action,
            e.Role)).ToList();
        return new AuditPage(rows, page, pageCount, total);
    }
}
