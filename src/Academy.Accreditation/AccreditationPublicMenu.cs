using Academy.Core.Navigation;

namespace Academy.Accreditation;

/// <summary>The Accreditation module's entries in the public navigation.</summary>
public sealed class AccreditationPublicMenu : IPublicMenuProvider
{
    public IEnumerable<PublicMenuItem> GetItems() =>
    [
        new("Mijn leeruren", "Accreditation.MyHours.Index", 500) { Audience = MenuAudience.SignedIn },
        new("Presentie", "Accreditation.Attendance.Index", 700) { Audience = MenuAudience.SignedIn, Permission = Permissions.AccreditationPermissions.TakeAttendance },
        new("Certificaat controleren", "Accreditation.CertificateCheck.Index", 300, MenuArea.Footer),
    ];
}
