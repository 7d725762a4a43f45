using Academy.Core.Security;

namespace Academy.EmployerSignup.Services;

public sealed class EmployerSignupPermissions : IPermissionProvider
{
    /// <summary>The Werkgever role: see the own organisation's sign-ups, swap and cancel its employees.</summary>
    public const string ManageOwnEmployees = "ManageOwnEmployees";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageOwnEmployees, "Eigen medewerkers aanmelden, vervangen en afmelden (werkgevers)"),
    ];
}
