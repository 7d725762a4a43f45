using Academy.Core.Contracts;
using Academy.Core.Security;

namespace Academy.Accreditation.Permissions;

public sealed class AccreditationPermissions : IPermissionProvider
{
    /// <summary>The leer-coördinator: attendance of every group, exports, dashboard, ledger corrections, certificates.</summary>
    public const string ManageAccreditation = "ManageAccreditation";
    /// <summary>A trainer: attendance of the groups they give (their e-mail is on the edition), nothing else.</summary>
    public const string TakeAttendance = "TakeAttendance";

    public IEnumerable<Permission> GetPermissions() =>
    [
        new(ManageAccreditation, "Accreditatie, aanwezigheid en leeruren beheren"),
        new(TakeAttendance, "Aanwezigheid registreren voor eigen groepen"),
    ];
}

public sealed class AccreditationAdminMenu : IAdminMenuProvider
{
    public IEnumerable<AdminMenuItem> GetItems() =>
    [
        AdminMenuItem.ForRoute("Presentie", "Accreditation.AttendanceAdmin.Index", AccreditationPermissions.ManageAccreditation, 25),
        AdminMenuItem.ForRoute("Accreditatie", "Accreditation.AccreditationAdmin.Index", AccreditationPermissions.ManageAccreditation, 26),
    ];
}
