using Academy.Core.Contracts;
using Academy.Core.Data;
using Academy.EmployerSignup.Models;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.EmployerSignup.Services;

/// <summary>
/// The contact persons of employer organisations and who is linked to whom. Knowing a KvK number grants nothing:
/// only the contact who registered the organisation starts linked; others are linked by a linked colleague or the
/// leer-coördinator (and only the coördinator unlinks).
/// </summary>
public sealed class EmployerContacts(AcademyDbContext db, IOrganisationDirectory organisations, TimeProvider clock)
{
    private DbSet<EmployerContact> Contacts => db.Set<EmployerContact>();

    /// <summary>
    /// Records the contact of a confirmed sign-up in the caller's unit of work; <paramref name="registeredOrganisation"/>
    /// (this confirmation created the organisation) links them. Returns whether they are linked.
    /// </summary>
    public async Task<bool> RegisterAsync(string organisationId, string userId, string name, string email, bool registeredOrganisation,
        CancellationToken cancellationToken = default)
    {
        var contact = Contacts.Local.FirstOrDefault(c => c.OrganisationId == organisationId && c.UserId == userId)
            ?? await Contacts.FirstOrDefaultAsync(c => c.OrganisationId == organisationId && c.UserId == userId, cancellationToken);
        if (contact is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            contact = new EmployerContact
            {
                OrganisationId = organisationId,
                UserId = userId,
                IsLinked = registeredOrganisation,
                CreatedUtc = now,
                LinkedUtc = registeredOrganisation ? now : null,
            };
            Contacts.Add(contact);
        }
        contact.Name = Truncate(name, 200);
        contact.Email = Truncate(email, 256);
        return contact.IsLinked;
    }

    /// <summary>Sign-ups the user may see: their own, and those of contacts linked to an organisation the user is linked to.</summary>
    public IQueryable<EmployerSignupRecord> VisibleSignups(string userId)
    {
        var linked = Contacts.Where(c => c.IsLinked);
        var myOrganisations = linked.Where(c => c.UserId == userId).Select(c => c.OrganisationId);
        return db.Set<EmployerSignupRecord>().AsNoTracking().Where(s =>
            s.ContactUserId == userId
            || (s.OrganisationId != null && myOrganisations.Contains(s.OrganisationId)
                && linked.Any(c => c.OrganisationId == s.OrganisationId && c.UserId == s.ContactUserId)));
    }

    /// <summary>Contacts waiting to be linked to an organisation the user is linked to.</summary>
    public async Task<IReadOnlyList<EmployerContact>> WaitingForAsync(string userId, CancellationToken cancellationToken = default)
    {
        var myOrganisations = Contacts.Where(c => c.UserId == userId && c.IsLinked).Select(c => c.OrganisationId);
        return await Contacts.AsNoTracking()
            .Where(c => !c.IsLinked && myOrganisations.Contains(c.OrganisationId))
            .OrderBy(c => c.CreatedUtc)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Every contact, by organisation (the coördinator's page).</summary>
    public async Task<IReadOnlyList<EmployerContact>> AllAsync(CancellationToken cancellationToken = default) =>
        await Contacts.AsNoTracking().OrderBy(c => c.OrganisationId).ThenBy(c => c.CreatedUtc).ToListAsync(cancellationToken);

    /// <summary>
    /// Links a waiting contact. <paramref name="byColleagueUserId"/> set: only when that user is a linked contact of
    /// the organisation; null: the coördinator. Returns false (nothing changed) when not allowed or nothing to link.
    /// </summary>
    public async Task<bool> LinkAsync(string organisationId, string userId, string actorUserId, bool byCoordinator,
        CancellationToken cancellationToken = default)
    {
        if (!byCoordinator && !await Contacts.AnyAsync(c => c.OrganisationId == organisationId && c.UserId == actorUserId && c.IsLinked, cancellationToken))
        {
            return false;
        }
        var contact = await Contacts.FirstOrDefaultAsync(c => c.OrganisationId == organisationId && c.UserId == userId, cancellationToken);
        if (contact is null || contact.IsLinked)
        {
            return false;
        }
        contact.IsLinked = true;
        contact.LinkedUtc = clock.GetUtcNow().UtcDateTime;
        contact.LinkedByUserId = actorUserId;
        await organisations.SetMembershipAsync(userId, organisationId, member: true, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The coördinator unlinks a contact: from now on they see only their own sign-ups.</summary>
    public async Task<bool> UnlinkAsync(string organisationId, string userId, CancellationToken cancellationToken = default)
    {
        var contact = await Contacts.FirstOrDefaultAsync(c => c.OrganisationId == organisationId && c.UserId == userId, cancellationToken);
        if (contact is null || !contact.IsLinked)
        {
            return false;
        }
        contact.IsLinked = false;
        contact.LinkedUtc = null;
        contact.LinkedByUserId = null;
        await organisations.SetMembershipAsync(userId, organisationId, member: false, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
