using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.SignIn;

/// <summary>
/// Identity's user manager, plus: every saved change to an account (password, e-mail, roles) makes this web node
/// check the account's sessions in the database again, so a new security stamp ends them here at once.
/// </summary>
public sealed class AcademyUserManager(
    IUserStore<AcademyUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<AcademyUser> passwordHasher,
    IEnumerable<IUserValidator<AcademyUser>> userValidators,
    IEnumerable<IPasswordValidator<AcademyUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<AcademyUser>> logger,
    UserSessions sessions)
    : UserManager<AcademyUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(AcademyUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            sessions.ForgetChecks(user.Id);
        }
        return result;
    }
}
