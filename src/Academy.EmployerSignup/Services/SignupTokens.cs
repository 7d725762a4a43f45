using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Academy.EmployerSignup.Services;

/// <summary>The token in the confirmation link: the sign-up id, protected so it cannot be forged or altered.</summary>
public sealed class SignupTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Academy.EmployerSignup.Confirm.v1");

    public string Create(string signupId) => _protector.Protect(signupId);

    /// <summary>The sign-up id, or null when the token was tampered with or is not one of ours.</summary>
    public string? Read(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
