using Academy.Core.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Academy.Users.Abstractions;

namespace Academy.Users.Services;

/// <summary>Reads accounts by their normalised e-mail address for other modules.</summary>
public sealed class UserLookup(UserManager<AcademyUser> users) : IUserLookup
{
    public async Task<UserSummary?> FindByEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var normalized = users.NormalizeEmail(email.Trim());
        var user = await users.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken);
        return user is null ? null : new UserSummary(user.Id, user.DisplayName, user.Email ?? email.Trim(), user.OrganisationId);
    }
}
