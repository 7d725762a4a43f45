using Academy.Core.Navigation;

namespace Academy.EmployerSignup;

/// <summary>The EmployerSignup module's entry in the public navigation: an employer's own employees.</summary>
public sealed class EmployerSignupPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Mijn medewerkers", "EmployerSignup.Employer.Index", 800) { Audience = MenuAudience.SignedIn, Permission = Services.EmployerSignupPermissions.ManageOwnEmployees },
    ];
}
