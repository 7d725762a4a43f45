using Academy.Core.Contracts;
using Academy.Email.Abstractions;

namespace Academy.EmployerSignup.Services;

/// <summary>
/// Makes the confirmation link of a sign-up (<see cref="EmployerSignupService.ConfirmLinkReference"/>) when the mail
/// is sent, and only in a mail to the sign-up's contact.
/// </summary>
public sealed class ConfirmLinkResolver(EmployerSignupService signups) : IMailLinkResolver
{
    public string Kind => EmployerSignupService.ConfirmLinkKind;

    public async Task<string?> ResolveAsync(string value, string recipient, CancellationToken cancellationToken = default) =>
        await signups.FindAsync(value, cancellationToken) is { } signup
        && string.Equals(signup.ContactEmail.Trim(), recipient.Trim(), StringComparison.OrdinalIgnoreCase)
            ? signups.ConfirmUrl(signup.Id)
            : null;
}
