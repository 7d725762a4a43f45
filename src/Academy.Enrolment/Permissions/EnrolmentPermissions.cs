using Academy.Core.Contracts;
using Academy.Core.Security;
using Academy.Enrolment.Abstractions;

namespace Academy.Enrolment.Permissions;

public sealed class EnrolmentPermissions : IPermissionProvider
{
    public const string ManageEnrolments = EnrolmentPermissionNames.ManageEnrolments;

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageEnrolments, "Aanmeldingen beheren"),
    ];
}

public sealed class EnrolmentAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Aanmeldingen", "Enrolment.EnrolmentAdmin.Index", EnrolmentPermissions.ManageEnrolments, 20),
    ];
}
