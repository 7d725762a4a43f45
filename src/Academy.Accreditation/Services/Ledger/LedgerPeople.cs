using Academy.Accreditation.Models;
using Academy.Core.Contracts;
using Academy.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Academy.Accreditation.Services.Ledger;

/// <summary>Finds whose ledger an e-mail address is: an account, or the name on earlier entries without one.</summary>
public sealed class LedgerPeople(AcademyDbContext db, IUserLookup users)
{
    public async Task<(LedgerPerson? Person, bool HasAccount)> FindAsync(string email, CancellationToken cancellationToken = default)
    {
        email = email.Trim().ToLowerInvariant();
        if (await users.FindByEmailAsync(email, cancellationToken) is { } account)
        {
            return (new LedgerPerson(account.UserId, account.Email, account.DisplayName), true);
        }
        var name = await db.Set<LedgerEntryRecord>().AsNoTracking()
            .Where(e => e.ParticipantEmail == email).OrderByDescending(e => e.Id).Select(e => e.ParticipantName).FirstOrDefaultAsync(cancellationToken);
        return (name is null ? null : new LedgerPerson(null, email, name), false);
    }
}
