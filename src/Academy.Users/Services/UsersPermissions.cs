using Academy.Core.Security;

namespace Academy.Users.Services;

/// <summary>The permissions the Users module declares.</summary>
public sealed class UsersPermissions : IPermissionProvider
{
    public const string AccessAdmin = "AccessAdmin";
    public const string ManageUsers = "ManageUsers";
    public const string ManageSettings = "ManageSettings";
    public const string ApproveRegistrations = "ApproveRegistrations";
    /// <summary>Invite people and manage accounts with only the roles in <see cref="UserAdministration.MemberRoles"/>; with ManageUsers, every role.</summary>
    public const string ManageMemberAccounts = Abstractions.UsersPermissionNames.ManageMemberAccounts;

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(AccessAdmin, "Toegang tot het beheergedeelte van de site"),
        new(ManageUsers, "Gebruikers, rollen en organisaties beheren"),
        new(ManageSettings, "Site-instellingen beheren"),
        new(ApproveRegistrations, "Aanmeldingen van nieuwe gebruikers goedkeuren of afwijzen"),
        new(ManageMemberAccounts, "Trainers en professionals uitnodigen, hun rollen geven en hun account blokkeren"),
    ];
}

/// <summary>All permissions declared by the site's modules, by name.</summary>
public sealed class PermissionCatalog(IEnumerable<IPermissionProvider> providers)
{
    private IReadOnlyDictionary<string, Permission>? _all;

    public IReadOnlyDictionary<string, Permission> All => _all ??= providers
        .SelectMany(p => p.GetPermissions())
        .GroupBy(p => p.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public bool Exists(string name) => All.ContainsKey(name);
}
