using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Accreditation.Services.Ledger;

/// <summary>
/// Who is behind ledger entries and certificates: finds a person by e-mail address, and finds or adds the
/// <see cref="AccreditationPersonRecord"/> that entries point to.
/// </summary>
public sealed class LedgerPeople(AcademyDbContext db, IUserLookup users)
{
    public const int MaxNameLength = 200;

    /// <summary>Shown where a name was erased from the ledger.</summary>
    public const string AnonymisedName = "(geanonimiseerd)";

    /// <summary>The person's name, or <see cref="AnonymisedName"/> after anonymisation.</summary>
    public static string NameOf(AccreditationPersonRecord? person) => person?.Name ?? AnonymisedName;

    private DbSet<AccreditationPersonRecord> Persons => db.Set<AccreditationPersonRecord>();

    /// <summary>Whose ledger an e-mail address is: an account, or the person recorded under it without one.</summary>
    public async Task<(LedgerPerson? Person, bool HasAccount)> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        email = email.Trim().ToLowerInvariant();
        if (await users.FindByEmailAsync(email, cancellationToken) is { } account)
        {
            return (new LedgerPerson(account.UserId, account.Email, account.DisplayName), true);
        }
        var name = await Persons.AsNoTracking().Where(p => p.UserId == null && p.Email == email)
            .Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
        return (name is null ? null : new LedgerPerson(null, email, name), false);
    }

    /// <summary>The person rows whose entries are this person's: the account's, and those under its address without an account.</summary>
    public IQueryable<AccreditationPersonRecord> RowsOf(LedgerPerson person)
    {
        var email = person.Email;
        var query = Persons.AsNoTracking();
        return person.UserId is { } userId
            ? query.Where(p => p.UserId == userId || (p.UserId == null && p.Email == email))
            : query.Where(p => p.UserId == null && p.Email == email);
    }

    /// <summary>
    /// The person row entries of <paramref name="person"/> point to; a new one is added to the caller's unit of work
    /// when there is none (the caller saves it together with the entry). A stored name is kept: the coördinator may have corrected it.
    /// </summary>
    public async Task<AccreditationPersonRecord> ResolveAsync(LedgerPerson person, CancellationToken cancellationToken = default)
    {
        var userId = person.UserId;
        var email = person.Email;
        if (Persons.Local.FirstOrDefault(p => userId is null ? p.UserId == null && p.Email == email : p.UserId == userId) is { } local)
        {
            return local;
        }
        var stored = userId is null
            ? await Persons.Where(p => p.UserId == null && p.Email == email).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken)
            : await Persons.Where(p => p.UserId == userId).OrderBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
        {
            return stored;
        }
        var created = new AccreditationPersonRecord
        {
            Id = AccreditationPersonRecord.NewId(),
            UserId = userId,
            Email = email,
            Name = person.Name.Length <= MaxNameLength ? person.Name : person.Name[..MaxNameLength],
        };
        Persons.Add(created);
        return created;
    }

    /// <summary>The person rows with these ids (tracked rows of this unit of work included).</summary>
    public async Task<IReadOnlyDictionary<string, AccreditationPersonRecord>> ByIdsAsync(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToList();
        var found = Persons.Local.Where(p => wanted.Contains(p.Id)).ToDictionary(p => p.Id, StringComparer.Ordinal);
        var missing = wanted.Where(id => !found.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var person in await Persons.AsNoTracking().Where(p => missing.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                found[person.Id] = person;
            }
        }
        return found;
    }

    public async Task<AccreditationPersonRecord?> ByIdAsync(string id, CancellationToken cancellationToken = default) =>
        (await ByIdsAsync([id], cancellationToken)).GetValueOrDefault(id);
}
