using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Academy.Users.Services.Accounts;

/// <summary>
/// The tokens in the mailed account links (confirm a registration or a new address, reset a password): the account,
/// the purpose, when it was made and the account's security stamp, encrypted with the site's keys. Nothing is stored:
/// a token stops working when it expires (by the site's clock, so tests can move it) or when the security stamp
/// changes (a new password, a new address), which makes a used reset or change link worthless.
/// </summary>
public sealed class AccountTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountLinkOptions> options)
    : IUserTwoFactorTokenProvider<AcademyUser>
{
    public const string Name = "AcademyAccountLinks";

    /// <summary>The purpose of the "wachtwoord vergeten" token (a shorter lifespan than the others).</summary>
    public const string PasswordResetPurpose = "ForgotPassword";

    private readonly IDataProtector _protector = protection.CreateProtector("Academy.Users.AccountLinks.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<AcademyUser> manager, AcademyUser user)
    {
        var payload = string.Join('\n',
            clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture),
            await manager.GetUserIdAsync(user),
            purpose,
            await StampAsync(manager, user));
        return WebEncoders.Base64UrlEncode(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AcademyUser> manager, AcademyUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('\n');
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }
        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        var lifespan = purpose == PasswordResetPurpose ? options.Value.PasswordResetLifespan : options.Value.ConfirmationLifespan;
        if (age < TimeSpan.Zero || age > lifespan || parts[1] != await manager.GetUserIdAsync(user) || parts[2] != purpose)
        {
            return false;
        }
        var stamp = await StampAsync(manager, user);
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[3]), Encoding.UTF8.GetBytes(stamp));
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AcademyUser> manager, AcademyUser user) => Task.FromResult(false);

    private static async Task<string> StampAsync(UserManager<AcademyUser> manager, AcademyUser user) =>
        manager.SupportsUserSecurityStamp ? await manager.GetSecurityStampAsync(user) ?? "" : "";
}
